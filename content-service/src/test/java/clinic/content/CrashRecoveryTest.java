package clinic.content;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import clinic.content.domain.Appointment;
import clinic.content.domain.MessageKind;
import clinic.content.domain.MessageStatus;
import clinic.content.domain.OutboundMessage;
import clinic.content.repository.AppointmentRepository;
import clinic.content.repository.OutboundMessageRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A dispatcher that died between claiming a message and recording its outcome leaves it SENDING.
 * Whether the SMTP server got it is unknowable, so once the claim's lease is over it is sent again
 * with the same Message-ID: at least once, and one message in the patient's mail client.
 */
@QuarkusTest
class CrashRecoveryTest {

    @Inject
    MovableClock clock;
    @Inject
    AppointmentRepository appointments;
    @Inject
    OutboundMessageRepository messages;

    @Test
    void aClaimLeftBehindByACrashIsSentAgainWithTheSameMessageIdAfterTheLease() {
        Instant now = Instant.parse("2030-07-01T10:00:00Z");
        clock.set(now);
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 7, 1, 11, 0));
        String messageId = "<appointment-" + a.id + ".aftercare-0h@clinic.local>";
        // what a dispatcher killed mid-send leaves in the database: claimed 30 seconds ago, never finished
        QuarkusTransaction.requiringNew().run(() -> {
            Appointment appointment = new Appointment();
            appointment.appointmentId = a.id;
            appointment.patientId = a.patientId;
            appointment.procedure = a.procedure;
            appointment.status = "COMPLETED";
            appointment.lastSequence = 1;
            appointment.startAt = a.start;
            appointment.endAt = a.end;
            appointment.completedAt = now.minus(Duration.ofMinutes(5));
            appointment.updatedAt = now;
            appointments.persist(appointment);
            OutboundMessage m = new OutboundMessage();
            m.id = UUID.randomUUID();
            m.appointmentId = a.id;
            m.patientId = a.patientId;
            m.kind = MessageKind.AFTERCARE;
            m.step = "AFTERCARE-0H";
            m.essential = true;
            m.recipient = a.email;
            m.subject = "Microneedling aftercare";
            m.bodyText = "text";
            m.bodyHtml = "<p>html</p>";
            m.messageId = messageId;
            m.dueAt = now.minus(Duration.ofMinutes(5));
            m.deadlineAt = now.plus(Duration.ofHours(24));
            m.status = MessageStatus.SENDING;
            m.attempts = 1;
            m.nextAttemptAt = m.dueAt;
            m.claimedAt = now.minus(Duration.ofSeconds(30));
            m.createdAt = m.dueAt;
            m.updatedAt = m.claimedAt;
            messages.persist(m);
        });

        // within the lease (45 s) the claim may still belong to a live replica: left alone
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> "SENDING".equals(Api.status(a.id, "AFTERCARE-0H")));

        clock.advance(Duration.ofSeconds(20));
        Api.awaitStatus(a.id, "AFTERCARE-0H", "SENT");
        assertEquals(2, Api.message(a.id, "AFTERCARE-0H").get("attempts"));
        Inbox.Received mail = Api.awaitInbox(a.email, 1).get(0);
        assertEquals(messageId, mail.messageId(), "the resend carries the Message-ID of the first try");
        assertTrue(Inbox.of(a.email).size() == 1);
    }
}
