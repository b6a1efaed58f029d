package clinic.local.infra;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server running as a child process that stops when its standard input closes.
 *
 * <p>Both servers here are started so that end of input means "shut down cleanly": closing it is
 * how we stop them, and if this JVM dies its pipe closes too, so no server is left behind.
 */
public final class ServerProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final Path log;

    private ServerProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /**
     * Starts a program that does not watch its input itself, under a small shell that does: end of
     * input, or an interrupt, sends the program the given signal and waits for it to finish. The
     * shell ends when the program does, however it ends, so {@link #isAlive()} tells whether the
     * program still runs.
     *
     * @param signal the program's own "shut down cleanly" signal, e.g. TERM for a JVM, INT for PostgreSQL
     * @param asServerUser run it as the unprivileged user when we are root
     */
    public static ServerProcess supervised(String name, String signal, List<String> command, Path log, boolean asServerUser)
            throws IOException {
        // fd 3 keeps our input for the watcher: a background job's own input is /dev/null
        String supervisor = String.join("; ",
                "exec 3<&0",
                "\"$@\" 3<&- & pid=$!",
                "trap 'kill -" + signal + " $pid' INT TERM HUP",
                "{ read _ <&3; kill -" + signal + " $pid; } & watcher=$!",
                "exec 3<&-",
                // wait again after a trapped signal interrupted it, until the program has really ended
                "wait $pid; code=$?",
                "while kill -0 $pid 2>/dev/null; do wait $pid; code=$?; done",
                "kill $watcher 2>/dev/null",
                "exit $code");
        List<String> wrapped = new java.util.ArrayList<>(List.of("sh", "-c", supervisor, "sh"));
        wrapped.addAll(command);
        return start(name, asServerUser ? OsUser.asServerUser(wrapped) : wrapped, log);
    }

    /** Starts a program that itself shuts down when its standard input ends. */
    public static ServerProcess start(String name, List<String> command, Path log) throws IOException {
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        return new ServerProcess(name, process, log);
    }

    /** Waits until the server accepts TCP connections on the port, or fails with its log's tail. */
    public void awaitListening(String host, int port, Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException(name + " exited with code " + process.exitValue() + "; its log ends with:\n" + logTail());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(host, port), 500);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        throw new IOException(name + " did not listen on " + host + ":" + port + " within " + timeout + "; its log ends with:\n" + logTail());
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /**
     * The process id of the program itself: for a supervised one, the supervising shell's child that
     * is not a shell (the watcher is one); otherwise the process's own id.
     */
    public long programPid() {
        return process.children()
                .filter(child -> child.info().command().map(command -> !command.matches(".*/(ba|da)?sh")).orElse(false))
                .mapToLong(ProcessHandle::pid).findFirst().orElse(process.pid());
    }

    /** The exit code once the process has ended. */
    public int exitValue() {
        return process.exitValue();
    }

    /**
     * Ends the program at once with SIGKILL, as a crash would: no shutdown, nothing flushed. Its
     * supervising shell ends with it.
     */
    public void kill() {
        process.children().forEach(ProcessHandle::destroyForcibly);
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public String logTail() {
        try {
            List<String> lines = Files.readAllLines(log);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(log unreadable: " + e.getMessage() + ")";
        }
    }

    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (IOException | InterruptedException e) {
            process.destroyForcibly();
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * A short wait between readiness checks. The servers offer no "ready" signal to wait on, so
     * polling their port (or health endpoint) is the only way to know; this is the one place the
     * stack waits by time.
     */
    public static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
