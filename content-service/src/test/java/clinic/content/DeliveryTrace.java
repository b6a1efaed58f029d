package clinic.content;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.persistence.EntityManager;

import clinic.content.domain.MessageStatus;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * What content's database says of a delivery a test waited for in vain, for the failure's message:
 * whether the event was never planned into a message (the consumer), planned but not claimed (the
 * dispatcher), or tried and failed (SMTP, with the recorded error).
 */
final class DeliveryTrace {

    private static final String COLUMNS = """
            SELECT step, status, attempts, due_at, next_attempt_at, claimed_at, sent_at, last_error
              FROM outbound_message""";

    private DeliveryTrace() {
    }

    static String toRecipient(String recipient) {
        return describe(COLUMNS + " WHERE recipient = ?1 ORDER BY created_at, seq", recipient);
    }

    static String ofAppointment(UUID appointmentId) {
        return describe(COLUMNS + " WHERE appointment_id = ?1 ORDER BY seq", appointmentId);
    }

    private static String describe(String sql, Object key) {
        try {
            EntityManager em = Arc.container().instance(EntityManager.class).get();
            Instant now = Arc.container().instance(Clock.class).get().instant();
            return QuarkusTransaction.requiringNew().call(() -> {
                @SuppressWarnings("unchecked")
                List<Object[]> rows = em.createNativeQuery(sql).setParameter(1, key).getResultList();
                Number waiting = (Number) em.createNativeQuery(
                        "SELECT count(*) FROM outbound_message WHERE status IN %s AND next_attempt_at <= ?1"
                                .formatted(MessageStatus.UNSETTLED_SQL))
                        .setParameter(1, now).getSingleResult();
                String listed = rows.isEmpty() ? "no message planned for " + key
                        : rows.stream().map(DeliveryTrace::line).collect(Collectors.joining("\n  ", "messages of " + key + ":\n  ", ""));
                return listed + "\nclock " + now + "; " + waiting
                        + " message(s) in the whole table whose next attempt is due and not yet settled";
            });
        } catch (RuntimeException e) {
            return "(content's database could not be read: " + e + ")";
        }
    }

    private static String line(Object[] r) {
        return "%s %s attempts=%s due=%s next=%s claimed=%s sent=%s error=%s".formatted(r);
    }
}
