package clinic.local.infra;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A command started as work after the commit runs in Linux's idle scheduling class (this machine has chrt). */
class AfterTheCommitTest {

    /** {@code SCHED_IDLE} in the policy field of /proc/PID/stat. */
    private static final int SCHED_IDLE = 5;

    @Test
    void theWorkRunsInTheIdleSchedulingClass() throws Exception {
        String[] stat = ownStat(AfterTheCommit.niced(List.of("cat", "/proc/self/stat")));
        // fields after the command name, which is in parentheses: state is field 3, policy field 41
        assertEquals(SCHED_IDLE, Integer.parseInt(stat[41 - 3]));
    }

    @Test
    void aCommandStartedPlainlyKeepsTheNormalClass() throws Exception {
        String[] stat = ownStat(List.of("cat", "/proc/self/stat"));
        assertEquals(0, Integer.parseInt(stat[41 - 3]));
    }

    private static String[] ownStat(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), out);
        return out.substring(out.lastIndexOf(')') + 2).trim().split(" ");
    }
}
