package clinic.content;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import clinic.local.infra.FreePort;

/**
 * A TCP relay in front of a real server, so a test can take "the server" down and up: closed, it
 * cuts every open connection and refuses new ones, as a server that stops or restarts does; open,
 * bytes pass through untouched. The server behind it keeps running (and keeps its data).
 *
 * <p>For SMTP it can also cut a connection right after the client has sent a whole message and
 * before the server's answer reaches the client: the server has the message, the client cannot
 * know it, which is the case at-least-once delivery exists for.
 */
public final class TcpGate {

    private static final byte[] END_OF_DATA = { '\r', '\n', '.', '\r', '\n' };

    private final String name;
    private final int port = FreePort.find();
    private final String targetHost;
    private final int target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private volatile ServerSocket server;
    private final Set<String> cutFor = ConcurrentHashMap.newKeySet();

    public TcpGate(String name, String targetHost, int target) {
        this.name = name;
        this.targetHost = targetHost;
        this.target = target;
        open();
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
            Thread acceptor = new Thread(() -> accept(s), name + "-gate-accept");
            acceptor.setDaemon(true);
            acceptor.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the " + name + " gate on port " + port, e);
        }
    }

    /** Refuse new connections and cut the open ones. */
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
            open.forEach(TcpGate::closeQuietly);
            open.clear();
        }
    }

    /**
     * The next SMTP message to {@code recipient} reaches the server, but its connection is cut
     * before the server's answer gets back to the client.
     */
    public void cutAfterNextMessageTo(String recipient) {
        cutFor.add(recipient);
    }

    private void accept(ServerSocket s) {
        while (!s.isClosed()) {
            Socket client;
            try {
                client = s.accept();
            } catch (IOException e) {
                if (s.isClosed()) {
                    return;
                }
                System.err.println(name + " gate: a connection could not be accepted: " + e);
                continue;
            }
            relay(s, client);
        }
    }

    /**
     * Connects the client through. A server that cannot be reached refuses this client only: the
     * gate goes on accepting (ending the acceptor here would leave later clients connected to a
     * gate that never answers).
     */
    private void relay(ServerSocket acceptedBy, Socket client) {
        synchronized (this) {
            if (server != acceptedBy) {
                // closed while this client was being accepted: it is cut like the others
                closeQuietly(client);
                return;
            }
            open.add(client);
        }
        Socket upstream;
        try {
            upstream = new Socket(targetHost, target);
        } catch (IOException unreachable) {
            closeQuietly(client);
            open.remove(client);
            return;
        }
        synchronized (this) {
            if (server != acceptedBy) {
                // closed while connecting through: nothing of this connection reaches the server
                closeQuietly(client);
                closeQuietly(upstream);
                open.remove(client);
                return;
            }
            open.add(upstream);
        }
        Connection connection = new Connection();
        pipe(client, upstream, connection, true);
        pipe(upstream, client, connection, false);
    }

    /** What one relayed connection has seen: whether a message just ended and its answer must not pass. */
    private final class Connection {
        private final StringBuilder transaction = new StringBuilder();
        private int matched;
        private volatile boolean swallowAnswer;

        void fromClient(byte[] bytes, int length) {
            if (cutFor.isEmpty()) {
                return;
            }
            for (int i = 0; i < length; i++) {
                transaction.append((char) (bytes[i] & 0xff));
                matched = bytes[i] == END_OF_DATA[matched] ? matched + 1 : (bytes[i] == END_OF_DATA[0] ? 1 : 0);
                if (matched == END_OF_DATA.length) {
                    matched = 0;
                    String sent = transaction.toString();
                    transaction.setLength(0);
                    cutFor.stream().filter(r -> sent.contains("<" + r + ">")).findFirst().ifPresent(r -> {
                        if (cutFor.remove(r)) {
                            swallowAnswer = true;
                        }
                    });
                }
            }
        }
    }

    private void pipe(Socket from, Socket to, Connection connection, boolean clientToServer) {
        Thread t = new Thread(() -> {
            byte[] buffer = new byte[16 * 1024];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                int n;
                while ((n = in.read(buffer)) >= 0) {
                    if (clientToServer) {
                        connection.fromClient(buffer, n);
                    } else if (connection.swallowAnswer) {
                        // the server has the message; the client must not learn that it does
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other direction closed the pair
            } finally {
                closeQuietly(from);
                closeQuietly(to);
                open.remove(from);
                open.remove(to);
            }
        }, name + "-gate-pipe");
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
