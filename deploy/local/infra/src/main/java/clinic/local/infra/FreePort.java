package clinic.local.infra;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A TCP port nothing listens on right now, so that parallel test runs never collide.
 *
 * <p>The port is taken from below the kernel's ephemeral range. A port the kernel handed out for
 * {@code bind(0)} lies inside that range, and between finding it and the server binding it, any
 * outgoing connection (a database pool, a Kafka client) may get the same number as its local port;
 * the server then fails with "Address already in use" on every restart while that connection lives.
 * Below the range, only a listener that asks for the port by number can take it. Ports handed out by
 * this JVM are never handed out twice.
 */
public final class FreePort {

    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
    /** Linux's default lower end of the ephemeral range, where the kernel does not say. */
    private static final int DEFAULT_EPHEMERAL_LOW = 32768;
    private static final int LOWEST = 10000;
    private static final Set<Integer> HANDED_OUT = new HashSet<>();

    private FreePort() {
    }

    public static synchronized int find() {
        int highest = ephemeralLow() - 1;
        for (int attempt = 0; attempt < 1000; attempt++) {
            int candidate = ThreadLocalRandom.current().nextInt(LOWEST, highest + 1);
            if (!HANDED_OUT.contains(candidate) && bindable(candidate)) {
                HANDED_OUT.add(candidate);
                return candidate;
            }
        }
        throw new IllegalStateException("no free TCP port between " + LOWEST + " and " + highest);
    }

    private static boolean bindable(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    private static int ephemeralLow() {
        try {
            // read by lines: JDK 17 reads a procfs file by its reported size and gets only its first byte
            int low = Integer.parseInt(Files.readAllLines(EPHEMERAL_RANGE).get(0).trim().split("\\s+")[0]);
            return low > LOWEST + 1000 ? low : DEFAULT_EPHEMERAL_LOW;
        } catch (IOException | RuntimeException unknown) {
            return DEFAULT_EPHEMERAL_LOW;
        }
    }
}
