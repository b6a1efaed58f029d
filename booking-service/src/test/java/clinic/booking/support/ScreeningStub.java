package clinic.booking.support;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import clinic.local.infra.FreePort;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;

/**
 * A stand-in for screening-service speaking its HTTP contract, so booking's tests can choose the
 * decision and make screening fail or go slow. The real screening-service is exercised by its own
 * tests and by the end-to-end test of the whole stack.
 */
public class ScreeningStub implements QuarkusTestResourceLifecycleManager {

    /** How the stub behaves: answer normally, fail with 500, or answer too late; SCREENINGS_DOWN fails screenings only. */
    public enum Mode { UP, ERROR, SLOW, SCREENINGS_DOWN }

    private static final ObjectMapper JSON = new ObjectMapper();
    private static volatile Mode mode = Mode.UP;
    private static volatile Function<JsonNode, String> outcome = request -> "CLEARED";
    private static volatile Function<JsonNode, ArrayNode> blockedPeriods = request -> JSON.createArrayNode();
    private static volatile Runnable onReview = () -> { };
    private static volatile java.util.function.BiConsumer<String, Integer> onIntake = (patient, version) -> { };
    private static final AtomicInteger screenings = new AtomicInteger();
    private static final AtomicInteger reviews = new AtomicInteger();
    private static final AtomicInteger intakes = new AtomicInteger();
    /** Each patient's latest intake version, as screening would number them. */
    private static final Map<String, Integer> intakeVersions = new java.util.concurrent.ConcurrentHashMap<>();
    private static volatile int policyVersion = 1;
    private static final java.util.List<String> callers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private static volatile String lastAuthorization;
    private static volatile String lastPolicyChange;
    private HttpServer server;

    /**
     * Back to a healthy screening for the next test: normal answers, no hooks, and booking's circuit
     * breakers closed with their windows emptied, so that failures one test provoked on purpose (a
     * slow or failing screening) never count against the calls of the next.
     */
    public static void reset() {
        CircuitBreakerMaintenance.get().resetAll();
        mode = Mode.UP;
        outcome = request -> "CLEARED";
        blockedPeriods = request -> JSON.createArrayNode();
        screenings.set(0);
        reviews.set(0);
        intakes.set(0);
        onReview = () -> { };
        onIntake = (patient, version) -> { };
        callers.clear();
        lastAuthorization = null;
        lastPolicyChange = null;
    }

    /** The Authorization header of the last request screening received. */
    public static String lastAuthorization() {
        return lastAuthorization;
    }

    /** The body of the last PUT /api/policy, exactly as it arrived. */
    public static String lastPolicyChange() {
        return lastPolicyChange;
    }

    /**
     * A new policy version, as after an admin's change at screening: decisions rest on it from now on.
     * Never goes back (booking only ever raises what it knows), so it is not part of {@link #reset()}.
     */
    public static int publishPolicy() {
        return ++policyVersion;
    }

    public static int intakeVersion(String patientId) {
        return intakeVersions.getOrDefault(patientId, 0);
    }

    /** As if someone recorded an intake at screening directly: the next version, answered in later decisions. */
    public static int recordIntakeElsewhere(String patientId) {
        return intakeVersions.merge(patientId, 1, Integer::sum);
    }

    /** The Authorization header of every screening request, oldest first. */
    public static java.util.List<String> callers() {
        return callers;
    }

    /** Runs while screening records a review, before it answers: for changes that race a review. */
    public static void onReview(Runnable action) {
        onReview = action;
    }

    /** Runs once screening has numbered an intake (patient, version), before it answers: for what races an intake. */
    public static void onIntake(java.util.function.BiConsumer<String, Integer> action) {
        onIntake = action;
    }

    public static void mode(Mode newMode) {
        mode = newMode;
    }

    /** Decides the outcome of each POST /api/screenings from its request body. */
    public static void outcome(Function<JsonNode, String> decide) {
        outcome = decide;
    }

    public static void blockedPeriods(Function<JsonNode, ArrayNode> periods) {
        blockedPeriods = periods;
    }

    public static int screenings() {
        return screenings.get();
    }

    public static int reviews() {
        return reviews.get();
    }

    public static int intakes() {
        return intakes.get();
    }

    @Override
    public Map<String, String> start() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", FreePort.find()), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        // a thread per request, as a real screening-service has plenty: a request a SLOW test left
        // hanging must not hold up the requests of the tests after it
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/api/", this::handle);
        server.start();
        return Map.of("quarkus.rest-client.screening.url", "http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop(0);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            lastAuthorization = exchange.getRequestHeaders().getFirst("Authorization");
            if (exchange.getRequestHeaders().getFirst("Authorization") == null) {
                send(exchange, 401, "{\"title\":\"Authentication required\"}");
                return;
            }
            if (mode == Mode.ERROR) {
                send(exchange, 500, "{\"title\":\"Internal error\"}");
                return;
            }
            if (mode == Mode.SLOW) {
                awaitLongerThanTheClientTimeout();
            }
            String path = exchange.getRequestURI().getPath();
            if (path.startsWith("/api/screenings/inputs/")) {
                if (mode == Mode.SCREENINGS_DOWN) {
                    send(exchange, 500, "{\"title\":\"Internal error\"}");
                    return;
                }
                String patient = path.substring("/api/screenings/inputs/".length());
                send(exchange, 200, "{\"patientId\":\"" + patient + "\",\"intakeVersion\":" + intakeVersion(patient)
                        + ",\"policyVersion\":" + policyVersion + "}");
                return;
            }
            byte[] raw = exchange.getRequestBody().readAllBytes();
            if (path.startsWith("/api/policy") || path.endsWith("/screenings") && path.startsWith("/api/patients/")) {
                answerAdmin(exchange, path, new String(raw, StandardCharsets.UTF_8));
                return;
            }
            JsonNode body = JSON.readTree(raw);
            if (path.startsWith("/api/intakes/")) {
                intakes.incrementAndGet();
                String patient = path.substring("/api/intakes/".length());
                if ("STOPPED".equals(body.path("isotretinoin").asText()) && !body.hasNonNull("isotretinoinLastDose")) {
                    send(exchange, 400, "{\"type\":\"urn:clinic:problem:invalid-request\",\"title\":\"Invalid request\","
                            + "\"status\":400,\"detail\":\"isotretinoinLastDose: is required when isotretinoin is STOPPED\","
                            + "\"errors\":[{\"field\":\"isotretinoinLastDose\",\"message\":\"is required\"}]}");
                    return;
                }
                int version = recordIntakeElsewhere(patient);
                onIntake.accept(patient, version);
                send(exchange, 200, "{\"patientId\":\"" + patient
                        + "\",\"intakeVersion\":" + version + ",\"completedOn\":\"" + body.get("completedOn").asText() + "\"}");
            } else if (path.equals("/api/screenings/blocked-periods")) {
                send(exchange, 200, JSON.writeValueAsString(blockedPeriods.apply(body)));
            } else if (path.endsWith("/review")) {
                reviews.incrementAndGet();
                onReview.run();
                send(exchange, 200, "{\"decision\":\"" + body.get("decision").asText() + "\"}");
            } else if (path.equals("/api/screenings")) {
                if (mode == Mode.SCREENINGS_DOWN) {
                    send(exchange, 500, "{\"title\":\"Internal error\"}");
                    return;
                }
                screenings.incrementAndGet();
                callers.add(exchange.getRequestHeaders().getFirst("Authorization"));
                send(exchange, 200, JSON.writeValueAsString(decision(outcome.apply(body),
                        intakeVersion(body.path("patientId").asText()))));
            } else {
                send(exchange, 404, "{\"title\":\"Not found\"}");
            }
        }
    }

    /**
     * The policy and a patient's audit trail, as screening answers the admin. The stub's policy
     * carries a field booking has never heard of, to show that booking passes JSON through.
     */
    private static void answerAdmin(HttpExchange exchange, String path, String body) throws IOException {
        String method = exchange.getRequestMethod();
        if (path.equals("/api/policy") && method.equals("GET")) {
            send(exchange, 200, "{\"version\":3,\"windows\":{\"isotretinoinWashoutMonths\":6},\"fieldOnlyScreeningKnows\":[1,2]}");
        } else if (path.equals("/api/policy") && method.equals("PUT")) {
            lastPolicyChange = body;
            if (body.contains("\"negative\"")) {
                send(exchange, 400, "{\"type\":\"urn:clinic:problem:invalid-request\",\"title\":\"Invalid request\","
                        + "\"status\":400,\"detail\":\"windows.isotretinoinWashoutMonths: must be positive\","
                        + "\"errors\":[{\"field\":\"windows.isotretinoinWashoutMonths\",\"message\":\"must be positive\"}]}");
                return;
            }
            send(exchange, 200, "{\"version\":4,\"changeNote\":\"from the stub\"}");
        } else if (path.equals("/api/policy/versions")) {
            send(exchange, 200, "[{\"version\":4,\"active\":true},{\"version\":3,\"active\":false}]");
        } else {
            send(exchange, 200, "[{\"decisionId\":\"00000000-0000-4000-8000-000000000001\",\"outcome\":\"CLEARED\","
                    + "\"decidedBy\":\"frontdesk\"}]");
        }
    }

    private static ObjectNode decision(String outcome, int intakeVersion) {
        ObjectNode decision = JSON.createObjectNode();
        decision.put("decisionId", UUID.randomUUID().toString());
        decision.put("outcome", outcome);
        ArrayNode reasons = decision.putArray("reasons");
        if (!outcome.equals("CLEARED")) {
            ObjectNode reason = reasons.addObject();
            reason.put("category", outcome.equals("BLOCKED") ? "PROCEDURE_INTERVAL" : "MEDICAL_HISTORY");
            reason.put("severity", outcome);
            reason.put("frontDeskMessage", "test rule: " + outcome.toLowerCase());
        }
        decision.put("policyVersion", policyVersion);
        decision.put("intakeVersion", intakeVersion);
        return decision;
    }

    private static void awaitLongerThanTheClientTimeout() {
        try {
            // the stub plays a hung screening-service; the client's own timeout must cut it short
            new java.util.concurrent.CountDownLatch(1).await(6, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
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
