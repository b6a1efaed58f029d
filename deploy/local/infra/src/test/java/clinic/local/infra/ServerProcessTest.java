package clinic.local.infra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A supervised program stops when asked, and its supervisor tells when it stopped on its own. */
class ServerProcessTest {

    @Test
    void aProgramThatEndsOnItsOwnEndsItsSupervisorWithItsExitCode() throws Exception {
        ServerProcess process = ServerProcess.supervised("probe", "TERM", List.of("sh", "-c", "exit 7"), log(), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> !process.isAlive());
        assertEquals(7, process.exitValue());
    }

    @Test
    void killEndsTheProgramAtOnceAndCloseAsksItToStop() throws Exception {
        Path marker = Files.createTempFile("term", ".txt");
        // the program notes a TERM before it ends: kill must not send one, close must
        List<String> program = List.of("sh", "-c", "trap 'echo term > " + marker + "; exit 0' TERM; while :; do sleep 1; done");
        ServerProcess killed = ServerProcess.supervised("probe", "TERM", program, log(), false);
        assertTrue(killed.isAlive());
        killed.kill();
        assertFalse(killed.isAlive());
        assertEquals("", Files.readString(marker).trim(), "SIGKILL leaves no chance to shut down");

        ServerProcess closed = ServerProcess.supervised("probe", "TERM", program, log(), false);
        closed.close();
        assertFalse(closed.isAlive());
        assertEquals("term", Files.readString(marker).trim());
    }

    private static Path log() throws Exception {
        return Files.createTempFile("server-process", ".log");
    }
}
