package clinic.content;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.core.ConditionTimeoutException;

import io.restassured.response.Response;

/** The staff endpoints as the tests use them (front-desk user). */
public final class Api {

    public static final Duration WITHIN = Duration.ofSeconds(30);

    static {
        // each poll reads the whole SMTP sink; polling less often leaves it time to take deliveries
        org.awaitility.Awaitility.setDefaultPollInterval(Duration.ofMillis(250));
    }

    private Api() {
    }

    /** The appointment's messages, or an empty list while content-service has not heard of it. */
    public static List<Map<String, Object>> messages(UUID appointmentId) {
        Response r = given().auth().preemptive().basic("frontdesk", "frontdesk")
                .get("/api/appointments/{id}/messages", appointmentId);
        if (r.statusCode() == 404) {
            return List.of();
        }
        r.then().statusCode(200);
        return r.jsonPath().getList("$");
    }

    /** A request as a staff user (the password is the user's name). */
    public static io.restassured.specification.RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user);
    }

    /** A patient's message preferences as the front desk sees them. */
    public static io.restassured.response.ValidatableResponse preferences(UUID patientId) {
        return as("frontdesk").get("/api/patients/{id}/message-preferences", patientId).then().statusCode(200);
    }

    public static Map<String, Object> message(UUID appointmentId, String step) {
        return messages(appointmentId).stream().filter(m -> step.equals(m.get("step"))).findFirst().orElse(null);
    }

    public static String status(UUID appointmentId, String step) {
        Map<String, Object> m = message(appointmentId, step);
        return m == null ? null : (String) m.get("status");
    }

    public static void awaitStatus(UUID appointmentId, String step, String status) {
        try {
            await().atMost(WITHIN).until(() -> Objects.equals(status, status(appointmentId, step)));
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("%s of %s not %s within %s; %s".formatted(step, appointmentId, status, WITHIN,
                    DeliveryTrace.ofAppointment(appointmentId)), e);
        }
    }

    public static List<Inbox.Received> awaitInbox(String recipient, int count) {
        AtomicInteger arrived = new AtomicInteger();
        try {
            await().atMost(WITHIN).until(() -> {
                arrived.set(Inbox.of(recipient).size());
                return arrived.get() >= count;
            });
        } catch (ConditionTimeoutException e) {
            throw new AssertionError("%d of %d message(s) to %s arrived within %s; %s".formatted(arrived.get(), count,
                    recipient, WITHIN, DeliveryTrace.toRecipient(recipient)), e);
        }
        return Inbox.of(recipient);
    }
}
