package clinic.content;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import clinic.content.intake.InvitationMail;
import clinic.content.retention.ProcessedEventRetention;
import clinic.content.retention.SentBodyRetention;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/**
 * booking's corrections, merges and erasures of patient records (clinic.patients.v1) followed
 * through content's database and the patient's inbox; and the purges of sent bodies and event ids.
 */
@QuarkusTest
class PatientRecordsTest {

    @Inject
    MovableClock clock;

    @Inject
    EntityManager em;

    @Inject
    SentBodyRetention sentBodies;

    @Inject
    ProcessedEventRetention processedEvents;

    /** One message row as the database holds it. */
    record Row(String step, String status, String recipient, String subject, String bodyText, String bodyHtml,
            String calendar, UUID patientId, Instant sentAt, Instant erasedAt, Instant bodyPurgedAt) {
    }

    private List<Row> rows(UUID appointmentId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> found = em.createNativeQuery("""
                    SELECT step, status, recipient, subject, body_text, body_html, calendar, patient_id, sent_at, erased_at,
                           body_purged_at FROM outbound_message WHERE appointment_id = ?1 ORDER BY seq""")
                    .setParameter(1, appointmentId).getResultList();
            return found.stream().map(r -> new Row((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (UUID) r[7], instant(r[8]), instant(r[9]), instant(r[10]))).toList();
        });
    }

    private Row row(UUID appointmentId, String step) {
        return rows(appointmentId).stream().filter(r -> r.step().equals(step)).findFirst().orElse(null);
    }

    private static Instant instant(Object value) {
        return value == null ? null : value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o
                ? o.toInstant() : ((java.sql.Timestamp) value).toInstant();
    }

    private Object scalar(String sql, Object parameter) {
        return QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(sql).setParameter(1, parameter).getSingleResult());
    }

    /** An intake link e-mail queued for much later, so it is still unsent when the patient event arrives. */
    private UUID queuedInvitation(UUID patientId, String email) {
        UUID id = UUID.randomUUID();
        QuarkusTransaction.requiringNew().run(() -> {
            InvitationMail m = new InvitationMail();
            m.invitationId = id;
            m.patientId = patientId;
            m.recipient = email;
            m.firstName = "Zofia";
            m.link = "https://clinic.example/intake/#v1." + id;
            m.expiresAt = Instant.parse("2099-01-01T00:00:00Z");
            m.status = InvitationMail.Status.PENDING;
            m.nextAttemptAt = Instant.parse("2098-01-01T00:00:00Z");
            m.createdAt = clock.instant();
            m.updatedAt = clock.instant();
            em.persist(m);
        });
        return id;
    }

    private Object[] invitation(UUID id) {
        return (Object[]) QuarkusTransaction.requiringNew().call(() -> em.createNativeQuery(
                "SELECT status, recipient, first_name, link, patient_id FROM intake_invitation_mail WHERE invitation_id = ?1")
                .setParameter(1, id).getSingleResult());
    }

    private static ObjectNode withContact(ObjectNode event, int version, String firstName, String email) {
        event.put("patientContactVersion", version);
        event.put("patientFirstName", firstName);
        event.put("patientEmail", email);
        return event;
    }

    private static String address(String who) {
        return who + "-" + UUID.randomUUID().toString().substring(0, 8) + "@patients.example.com";
    }

    @Test
    void aCorrectionReaddressesWhatIsNotYetSentAndAnOlderAppointmentEventNeverBringsTheOldAddressBack() {
        clock.set(Instant.parse("2031-03-01T10:00:00Z"));
        UUID patient = UUID.randomUUID();
        String before = address("before");
        String after = address("after");
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2031, 3, 12, 10, 30), patient);
        ObjectNode confirmedBeforeCorrection = withContact(a.confirmed(clock.instant()), 1, "Zofia", before);
        Events.publish(confirmedBeforeCorrection);
        assertEquals(1, Api.awaitInbox(before, 1).size(), "the confirmation went to the address then on file");
        Api.awaitStatus(a.id, "REMINDER-DAY-BEFORE-1", "PENDING");
        UUID mail = queuedInvitation(patient, before);

        PatientEvents.publish(PatientEvents.corrected(patient, 2, "Zuzanna O'Neil", after));
        await().atMost(Api.WITHIN).until(() -> after.equals(row(a.id, "REMINDER-DAY-BEFORE-1").recipient()));
        Row reminder = row(a.id, "REMINDER-DAY-BEFORE-1");
        assertTrue(reminder.bodyText().contains("Dear Zuzanna O'Neil,"), reminder.bodyText());
        assertTrue(reminder.bodyHtml().contains("Dear Zuzanna O&#39;Neil,"), reminder.bodyHtml());
        assertFalse(reminder.bodyText().contains("Zofia") || reminder.bodyHtml().contains("Zofia"), reminder.bodyText());
        assertEquals(after, row(a.id, "REMINDER-SHORT-1").recipient());
        assertEquals(before, row(a.id, "CONFIRMATION").recipient(), "what was sent stays as it was sent");
        Object[] invitation = invitation(mail);
        assertEquals(after, invitation[1], "an intake link e-mail not yet sent goes to the new address");
        assertEquals("Zuzanna O'Neil", invitation[2]);

        // a second appointment's event, published before the correction (version 1), arrives after it
        TestAppointment b = new TestAppointment("CONSULTATION", LocalDateTime.of(2031, 3, 20, 9, 0), patient);
        ObjectNode late = withContact(b.confirmed(clock.instant()), 1, "Zofia", before);
        Events.publish(late);
        Inbox.Received confirmation = Api.awaitInbox(after, 1).get(0);
        assertTrue(confirmation.text().contains("Dear Zuzanna O'Neil,"), confirmation.text());
        Ics ics = Ics.parse(confirmation.calendar());
        assertTrue(ics.event("ATTENDEE").toLowerCase().contains(after.toLowerCase()), ics.event("ATTENDEE"));
        assertEquals(1, Inbox.of(before).size(), "nothing more to the old address");

        // an appointment event brings a newer version before its correction event: the others follow at once
        String newest = address("newest");
        TestAppointment c = new TestAppointment("CONSULTATION", LocalDateTime.of(2031, 3, 25, 9, 0), patient);
        Events.publish(withContact(c.confirmed(clock.instant()), 3, "Zuzanna", newest));
        await().atMost(Api.WITHIN).until(() -> newest.equals(row(a.id, "REMINDER-DAY-BEFORE-1").recipient()));
        assertEquals(newest, row(b.id, "REMINDER-SHORT-1").recipient());
        PatientEvents.publish(PatientEvents.corrected(patient, 3, "Zuzanna", newest));
        PatientEvents.publish(PatientEvents.corrected(patient, 2, "Zuzanna O'Neil", after));
        Api.awaitInbox(newest, 1);

        // the reminder, when due, reaches the corrected address with the corrected name
        clock.set(Instant.parse("2031-03-11T16:00:00Z"));
        await().atMost(Api.WITHIN).until(() -> Inbox.of(newest).stream().anyMatch(m -> m.subject().startsWith("Reminder")));
        Inbox.Received sent = Inbox.of(newest).stream().filter(m -> m.subject().startsWith("Reminder")).findFirst().orElseThrow();
        assertTrue(sent.text().contains("Dear Zuzanna,"), sent.text());
        assertEquals(1, Inbox.of(before).size());
        assertEquals(3, (int) scalar("SELECT contact_version FROM patient_record WHERE patient_id = ?1", patient));
    }

    @Test
    void aMergeTakesTheDuplicatesMessagesOptOutAndPendingMailsToTheSurvivor() {
        clock.set(Instant.parse("2031-04-01T10:00:00Z"));
        UUID survivor = UUID.randomUUID();
        UUID duplicate = UUID.randomUUID();
        String survivorAddress = address("survivor");
        String duplicateAddress = address("duplicate");
        TestAppointment kept = new TestAppointment("CONSULTATION", LocalDateTime.of(2031, 4, 15, 11, 0), survivor);
        Events.publish(withContact(kept.confirmed(clock.instant()), 2, "Sara", survivorAddress));
        TestAppointment moved = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2031, 4, 16, 12, 0), duplicate);
        Events.publish(withContact(moved.confirmed(clock.instant()), 1, "Sarah", duplicateAddress));
        Api.awaitInbox(duplicateAddress, 1);
        Api.awaitStatus(moved.id, "REMINDER-SHORT-1", "PENDING");
        Api.as("frontdesk").contentType(ContentType.JSON).body("{\"nonEssential\": false}")
                .put("/api/patients/{id}/message-preferences", duplicate).then().statusCode(200);
        UUID mail = queuedInvitation(duplicate, duplicateAddress);

        ObjectNode merge = PatientEvents.merged(duplicate, survivor, 2, "Sara", survivorAddress);
        PatientEvents.publish(merge);
        await().atMost(Api.WITHIN).until(() -> survivor.equals(row(moved.id, "REMINDER-SHORT-1").patientId()));
        Row reminder = row(moved.id, "REMINDER-SHORT-1");
        assertEquals(survivorAddress, reminder.recipient(), "the duplicate's pending messages go to the survivor's address");
        assertTrue(reminder.bodyText().contains("Dear Sara,"), reminder.bodyText());
        assertEquals(survivor, row(moved.id, "CONFIRMATION").patientId(), "its history follows too");
        assertEquals(duplicateAddress, row(moved.id, "CONFIRMATION").recipient(), "as it was sent");
        Object[] invitation = invitation(mail);
        assertEquals(survivor, invitation[4]);
        assertEquals(survivorAddress, invitation[1]);
        Api.preferences(survivor).body("nonEssential", equalTo(false));
        assertEquals(0L, ((Number) scalar("SELECT count(*) FROM opt_out WHERE patient_id = ?1", duplicate)).longValue());
        Api.as("frontdesk").get("/api/patients/{id}/messages", survivor).then().statusCode(200)
                .body("appointmentId", hasItem(moved.id.toString())).body("appointmentId", hasItem(kept.id.toString()));

        // an event of the duplicate's appointment published before the merge, consumed after it
        Events.publish(withContact(moved.rescheduled(LocalDateTime.of(2031, 4, 17, 12, 0), clock.instant()), 1, "Sarah",
                duplicateAddress));
        await().atMost(Api.WITHIN).until(() -> Inbox.of(survivorAddress).stream().anyMatch(m -> m.subject().contains("changed")));
        assertEquals(survivor, row(moved.id, "UPDATE-2").patientId());
        assertEquals(1, Inbox.of(duplicateAddress).size(), "nothing more to the duplicate's address");
        assertEquals(survivor, scalar("SELECT merged_into FROM patient_record WHERE patient_id = ?1", duplicate));
    }

    @Test
    void anErasureCancelsWhatIsUnsentAndKeepsOnlyDeliveryRecordsOfEveryMergedRecordToo() {
        clock.set(Instant.parse("2031-05-01T10:00:00Z"));
        UUID patient = UUID.randomUUID();
        UUID mergedEarlier = UUID.randomUUID();
        String email = address("erased");
        String oldEmail = address("erased-old");
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2031, 5, 20, 10, 0), patient);
        Events.publish(withContact(a.confirmed(clock.instant()), 1, "Ewa", email));
        TestAppointment old = new TestAppointment("CONSULTATION", LocalDateTime.of(2031, 5, 21, 10, 0), mergedEarlier);
        Events.publish(withContact(old.confirmed(clock.instant()), 1, "Ewa", oldEmail));
        Api.awaitInbox(email, 1);
        Api.awaitInbox(oldEmail, 1);
        Api.awaitStatus(a.id, "CONFIRMATION", "SENT");
        Api.awaitStatus(a.id, "REMINDER-SHORT-1", "PENDING");
        Api.as("frontdesk").contentType(ContentType.JSON).body("{\"nonEssential\": false}")
                .put("/api/patients/{id}/message-preferences", patient).then().statusCode(200);
        UUID mail = queuedInvitation(patient, email);

        ObjectNode erasure = PatientEvents.erased(patient, List.of(mergedEarlier));
        PatientEvents.publish(erasure);
        await().atMost(Api.WITHIN).until(() -> row(a.id, "CONFIRMATION").erasedAt() != null
                && row(old.id, "CONFIRMATION").erasedAt() != null);
        for (UUID appointment : List.of(a.id, old.id)) {
            for (Row r : rows(appointment)) {
                assertNull(r.recipient(), r.step());
                assertNull(r.subject(), r.step());
                assertNull(r.bodyText(), r.step());
                assertNull(r.bodyHtml(), r.step());
                assertNull(r.calendar(), r.step());
                assertNotNull(r.status(), "the delivery record stays");
            }
        }
        assertEquals("SENT", row(a.id, "CONFIRMATION").status(), "what was sent is still known to have been sent");
        assertNotNull(row(a.id, "CONFIRMATION").sentAt());
        assertEquals("CANCELLED", row(a.id, "REMINDER-SHORT-1").status(), "nothing more goes to an erased patient");
        assertEquals("CANCELLED", row(a.id, "REMINDER-DAY-BEFORE-1").status());
        Object[] invitation = invitation(mail);
        assertEquals("CANCELLED", invitation[0]);
        assertNull(invitation[1]);
        assertNull(invitation[2]);
        assertNull(invitation[3], "the link goes too");
        assertEquals(0L, ((Number) scalar("SELECT count(*) FROM opt_out WHERE patient_id = ?1", patient)).longValue());
        assertEquals(0L, ((Number) scalar("SELECT count(*) FROM opt_out_change WHERE patient_id = ?1", patient)).longValue());
        assertNull(scalar("SELECT first_name FROM patient_record WHERE patient_id = ?1", patient));
        String erasedMessage = (String) Api.messages(a.id).stream().filter(m -> "CONFIRMATION".equals(m.get("step")))
                .findFirst().map(m -> m.get("id")).orElseThrow();
        Api.as("frontdesk").post("/api/messages/{id}/resend", erasedMessage).then().statusCode(409);

        // an event published before the erasure, consumed after it, plans nothing; a redelivery changes nothing
        ObjectNode completed = a.completed(clock.instant());
        Events.publish(completed);
        Processed.awaitOutcome(completed, "IGNORED");
        assertTrue(rows(a.id).stream().noneMatch(r -> r.step().startsWith("AFTERCARE")), "no aftercare for an erased patient");
        PatientEvents.publish(erasure);
        PatientEvents.publish(PatientEvents.corrected(patient, 5, "Ewa", email));
        ObjectNode after = old.cancelled(clock.instant());
        Events.publish(after);
        Processed.awaitOutcome(after, "IGNORED");
        assertNull(scalar("SELECT email FROM patient_record WHERE patient_id = ?1", patient), "a late correction restores nothing");
        assertEquals(1, Inbox.of(email).size());
        assertEquals(1, Inbox.of(oldEmail).size());
    }

    @Test
    void onlyAPatientEventThatCanNeverBeAppliedIsDeadLetteredAndTheNextOneIsApplied() {
        UUID patient = UUID.randomUUID();
        ObjectNode intoItself = PatientEvents.merged(patient, patient, 1, "Ola", address("itself"));
        ObjectNode noSurvivor = PatientEvents.merged(patient, UUID.randomUUID(), 1, "Ola", address("nosurvivor"));
        noSurvivor.remove("survivorId");
        PatientEvents.publishRaw(patient.toString(), "{not json");
        PatientEvents.publishRaw(patient.toString(), intoItself.toString());
        PatientEvents.publishRaw(patient.toString(), noSurvivor.toString());
        ObjectNode correction = PatientEvents.corrected(patient, 4, "Ola", address("ola"));
        PatientEvents.publish(correction);
        try (PatientEvents.DeadLetters dlq = PatientEvents.deadLetters()) {
            await().atMost(Api.WITHIN).until(() -> dlq.poll().stream().filter(r -> patient.toString().equals(r.key())).count() == 3);
        }
        await().atMost(Api.WITHIN).until(() -> Objects.equals(4,
                scalar("SELECT coalesce(max(contact_version), 0) FROM patient_record WHERE patient_id = ?1", patient)));
        assertEquals(correction.get("email").asText(), scalar("SELECT email FROM patient_record WHERE patient_id = ?1", patient));
    }

    @Test
    void sentBodiesAndConsumedEventIdsArePurgedAfterTheirPeriodsTheDeliveryRecordStays() {
        clock.set(Instant.parse("2032-06-01T10:00:00Z"));
        TestAppointment a = new TestAppointment("CONSULTATION", LocalDateTime.of(2032, 9, 1, 10, 0));
        ObjectNode confirmed = withContact(a.confirmed(clock.instant()), 1, "Zofia", a.email);
        Events.publish(confirmed);
        Api.awaitStatus(a.id, "CONFIRMATION", "SENT");
        Api.awaitStatus(a.id, "REMINDER-SHORT-1", "PENDING");
        ObjectNode correction = PatientEvents.corrected(a.patientId, 1, "Zofia", a.email);
        PatientEvents.publish(correction);
        UUID correctionId = UUID.fromString(correction.get("eventId").asText());
        await().atMost(Api.WITHIN).until(() -> ((Number) scalar(
                "SELECT count(*) FROM processed_patient_event WHERE event_id = ?1", correctionId)).longValue() == 1);

        clock.set(Instant.parse("2032-06-30T10:00:00Z"));
        sentBodies.purge();
        processedEvents.purge();
        assertNotNull(row(a.id, "CONFIRMATION").bodyText(), "kept for 30 days");
        assertEquals("APPLIED", Processed.outcome(confirmed));

        clock.set(Instant.parse("2032-07-01T10:00:01Z"));
        assertTrue(sentBodies.purge() >= 1);
        Row sent = row(a.id, "CONFIRMATION");
        assertNull(sent.subject());
        assertNull(sent.bodyText());
        assertNull(sent.bodyHtml());
        assertNull(sent.calendar());
        assertNotNull(sent.bodyPurgedAt());
        assertEquals("SENT", sent.status());
        assertEquals(a.email, sent.recipient(), "the delivery record says to whom and when");
        assertNotNull(sent.sentAt());
        assertNotNull(row(a.id, "REMINDER-SHORT-1").bodyText(), "a message not yet sent keeps its content");
        Map<String, Object> listed = Api.message(a.id, "CONFIRMATION");
        assertEquals("SENT", listed.get("status"));

        assertTrue(processedEvents.purge() >= 2);
        assertNull(Processed.outcome(confirmed), "the event id is gone");
        assertEquals(0L, ((Number) scalar("SELECT count(*) FROM processed_patient_event WHERE event_id = ?1", correctionId))
                .longValue());
        assertEquals(0, sentBodies.purge(), "a second purge finds nothing");
        assertTrue(Objects.nonNull(row(a.id, "REMINDER-SHORT-1").subject()));
    }
}
