package clinic.booking.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import clinic.local.infra.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A stand-in for content-service's delivery view (GET /api/messages), so booking's tests can see
 * what booking forwards and make content fail. The real content-service is exercised by its own
 * tests and by the end-to-end test of the whole stack.
 */
public class ContentStub implements QuarkusTestResourceLifecycleManager {

    private static volatile boolean failing;
    private static volatile String lastQuery;
    private static volatile String lastAuthorization;
    private HttpServer server;

    public static void failing(boolean fail) {
        failing = fail;
    }

    /** The query string of the last request, as it arrived. */
    public static String lastQuery() {
        return lastQuery;
    }

    public static String lastAuthorization() {
        return lastAuthorization;
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePort.find()), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/api/messages", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.content.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            lastQuery = exchange.getRequestURI().getRawQuery();
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (failing) {
                send(exchange, 500, "{\"title\":\"Internal error\"}");
            } else {
                send(exchange, 200, "[{\"appointmentId\":\"00000000-0000-4000-8000-000000000002\",\"kind\":\"CONFIRMATION\","
                        + "\"step\":\"CONFIRMATION\",\"status\":\"FAILED\",\"attempts\":3,\"lastError\":\"550\"}]");
            }
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", status >= 400 ? "application/problem+json" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
