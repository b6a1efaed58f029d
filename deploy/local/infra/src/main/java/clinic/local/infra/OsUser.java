package clinic.local.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.GroupPrincipal;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.UserPrincipalLookupService;
import java.util.ArrayList;
import java.util.List;

/** Runs server commands as an unprivileged user when this JVM is root, as PostgreSQL demands. */
final class OsUser {

    static final String UNPRIVILEGED = "nobody";

    private OsUser() {
    }

    static boolean isRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    /** The command, prefixed so that it runs as {@value #UNPRIVILEGED} when we are root. */
    static List<String> asServerUser(List<String> command) {
        if (!isRoot()) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", UNPRIVILEGED, "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    /** Hands a directory to the server user (only needed, and only possible, as root). */
    static void giveToServerUser(Path dir) throws IOException {
        if (!isRoot()) {
            return;
        }
        UserPrincipalLookupService lookup = dir.getFileSystem().getUserPrincipalLookupService();
        PosixFileAttributeView view = Files.getFileAttributeView(dir, PosixFileAttributeView.class);
        view.setOwner(lookup.lookupPrincipalByName(UNPRIVILEGED));
        GroupPrincipal group = lookup.lookupPrincipalByGroupName("nogroup");
        view.setGroup(group);
    }

    /**
     * Whether the server user can reach a path: every directory above it must be searchable by
     * "others". A checkout under /root or a 0700 temporary directory is not.
     */
    static boolean canReach(Path path) throws IOException {
        if (!isRoot()) {
            return true;
        }
        for (Path dir = path.toAbsolutePath().getParent(); dir != null; dir = dir.getParent()) {
            if (Files.exists(dir)
                    && !Files.getPosixFilePermissions(dir).contains(PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }
}
