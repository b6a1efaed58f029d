package clinic.local.infra;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

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
        // the program says when its TERM handler is in place, and notes a TERM before it ends:
        // kill must not send one, close must
        List<String> program = List.of("sh", "-c", "trap 'echo term > " + marker + "; exit 0' TERM; echo ready > " + marker
                + "; while :; do sleep 1; done");
        ServerProcess killed = started(program, marker);
        killed.kill();
        assertFalse(killed.isAlive());
        assertEquals("ready", Files.readString(marker).trim(), "SIGKILL leaves no chance to shut down");

        ServerProcess closed = started(program, marker);
        closed.close();
        assertFalse(closed.isAlive());
        assertEquals("term", Files.readString(marker).trim());
    }

    private static ServerProcess started(List<String> program, Path marker) throws Exception {
        Files.writeString(marker, "");
        ServerProcess process = ServerProcess.supervised("probe", "TERM", program, log(), false);
        await().atMost(Duration.ofSeconds(10)).until(() -> Files.readString(marker).trim().equals("ready"));
        return process;
    }

    private static Path log() throws Exception {
        return Files.createTempFile("server-process", ".log");
    }
}
