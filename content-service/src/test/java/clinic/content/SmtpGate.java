package clinic.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;

import clinic.local.infra.FreePort;
import clinic.local.infra.test.TestServers;

/**
 * A TCP relay in front of the real SMTP sink, so a test can take "the SMTP server" down and up:
 * closed, connections are refused exactly as by a server that is down; open, bytes pass through
 * untouched to GreenMail. GreenMail itself keeps running (and keeps what it received).
 */
public final class SmtpGate {

    private static SmtpGate instance;

    private final int port = FreePort.find();
    private final int target = TestServers.smtp().smtpPort();
    private volatile ServerSocket server;

    private SmtpGate() {
    }

    public static synchronized SmtpGate get() {
        if (instance == null) {
            instance = new SmtpGate();
            instance.open();
        }
        return instance;
    }

    public int port() {
        return port;
    }

    /** Accept connections again, on the same port. */
    public synchronized void open() {
        if (server != null) {
            return;
        }
        try {
            ServerSocket s = new ServerSocket();
            s.setReuseAddress(true);
            s.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
            server = s;
            Thread acceptor = new Thread(() -> accept(s), "smtp-gate-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the SMTP gate on port " + port, e);
        }
    }

    /** Refuse new connections (connections already relaying finish normally). */
    public synchronized void close() {
        if (server == null) {
            return;
        }
        try {
            server.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            server = null;
        }
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            try {
                Socket client = s.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), target);
                pipe(client, upstream);
                pipe(upstream, client);
            } catch (SocketException closed) {
                return;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static void pipe(Socket from, Socket to) {
        Thread t = new Thread(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the other direction closed the pair
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }, "smtp-gate-pipe");
        t.setDaemon(true);
        t.start();
    }

    private static void closeQuietly(Socket s) {
        try {
            s.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
