package clinic.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A command started as work after the commit runs at niceness 10, one started plainly at this JVM's. */
class AfterTheCommitTest {

    /** Niceness is field 19 of /proc/PID/stat; fields from the state (3) on follow the parenthesised command name. */
    private static final int NICENESS = 19 - 3;

    @Test
    void theWorkRunsAtALowerPriority() throws Exception {
        // nice adds 10, up to the lowest priority, 19
        assertEquals(Math.min(19, ownNiceness() + 10), niceness(AfterTheCommit.niced(List.of("cat", "/proc/self/stat"))));
    }

    private static int ownNiceness() throws Exception {
        return niceness(List.of("cat", "/proc/self/stat"));
    }

    private static int niceness(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return Integer.parseInt(out.substring(out.lastIndexOf(')') + 2).trim().split(" ")[NICENESS]);
    }
}
