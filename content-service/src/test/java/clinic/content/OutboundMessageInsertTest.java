package clinic.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import clinic.content.domain.Appointment;
import clinic.content.domain.MessageKind;
import clinic.content.domain.MessageStatus;
import clinic.content.domain.OutboundMessage;
import clinic.content.repository.OutboundMessageRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plain-SQL insert of a planned message writes every field Hibernate maps: a message with every
 * field set (to a value unlike its default) reads back through Hibernate unchanged, and the
 * database numbers it ({@code seq}). A field added to the entity but not to the insert fails here.
 */
@QuarkusTest
class OutboundMessageInsertTest {

    @Inject
    OutboundMessageRepository messages;

    @Inject
    EntityManager em;

    @Test
    void everyMappedFieldSurvivesTheRoundTrip() throws Exception {
        OutboundMessage written = everyFieldSet(appointment());
        QuarkusTransaction.requiringNew().run(() -> messages.insert(written));

        OutboundMessage read = QuarkusTransaction.requiringNew().call(() -> em.find(OutboundMessage.class, written.id));
        assertNotNull(read);
        assertNotNull(read.seq, "the database numbers every message");
        Set<String> compared = MappedFields.assertSame(em, OutboundMessage.class, written, read, Set.of("seq"));
        assertEquals(28, compared.size(), "mapped fields compared: " + compared);
    }

    /** The appointment a message belongs to (the table's foreign key). */
    private UUID appointment() {
        Appointment appointment = new Appointment();
        appointment.appointmentId = UUID.randomUUID();
        appointment.patientId = UUID.randomUUID();
        appointment.procedure = "MICRONEEDLING";
        appointment.status = "CONFIRMED";
        appointment.lastSequence = 1;
        appointment.startAt = Instant.parse("2031-03-04T09:00:00Z");
        appointment.endAt = appointment.startAt.plus(60, ChronoUnit.MINUTES);
        appointment.updatedAt = Instant.parse("2031-02-01T08:00:00Z");
        QuarkusTransaction.requiringNew().run(() -> em.persist(appointment));
        return appointment.appointmentId;
    }

    /** A reminder staff closed by hand after a failed attempt: every column may hold a value at once. */
    private static OutboundMessage everyFieldSet(UUID appointmentId) {
        Instant due = Instant.parse("2031-03-03T09:00:00Z").plusNanos(123_456_000);
        OutboundMessage m = new OutboundMessage();
        m.id = UUID.randomUUID();
        m.appointmentId = appointmentId;
        m.patientId = UUID.randomUUID();
        m.kind = MessageKind.REMINDER;
        m.step = "REMINDER-DAY-BEFORE-1";
        m.essential = true;
        m.recipient = "zofia@patients.example.com";
        m.subject = "Your appointment tomorrow";
        m.bodyText = "text body";
        m.bodyHtml = "<p>html body</p>";
        m.calendar = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
        m.calendarMethod = "REQUEST";
        m.unsubscribeUrl = "https://clinic.example/opt-out?token=t";
        m.messageId = "<" + m.id + "@clinic.example>";
        m.dueAt = due;
        m.deadlineAt = due.plus(20, ChronoUnit.HOURS);
        m.status = MessageStatus.CLOSED;
        m.attempts = 3;
        m.nextAttemptAt = due.plus(10, ChronoUnit.MINUTES);
        m.claimedAt = due.plus(9, ChronoUnit.MINUTES);
        m.sentAt = due.plus(11, ChronoUnit.MINUTES);
        m.maybeDelivered = true;
        m.closedBy = "admin";
        m.closedAt = due.plus(2, ChronoUnit.HOURS);
        m.closedNote = "told on the phone";
        m.lastError = "SMTP 451";
        m.createdAt = due.minus(30, ChronoUnit.DAYS);
        m.updatedAt = due.plus(2, ChronoUnit.HOURS);
        return m;
    }
}
