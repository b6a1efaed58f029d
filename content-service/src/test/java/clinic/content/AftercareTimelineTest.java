package clinic.content;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.quarkus.test.junit.QuarkusTest;

/** The aftercare sequence against the real topic, database and SMTP sink, on a clock the test moves. */
@QuarkusTest
class AftercareTimelineTest {

    private static final Duration QUIET = Duration.ofSeconds(2);

    @Inject
    MovableClock clock;

    @Test
    void microneedlingStepsGoOutAtCompletion24h48h72hAndOneWeekAndNotBefore() {
        // completed 10:00 in Warsaw on 15 January 2030 (09:00 UTC)
        Instant completed = Instant.parse("2030-01-15T09:00:00Z");
        clock.set(completed.plusSeconds(30));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 1, 15, 9, 0));
        Events.publish(a.checkedIn(completed.minus(Duration.ofHours(1))));
        Events.publish(a.completed(completed));

        await().atMost(Api.WITHIN).until(() -> Api.messages(a.id).size() == 5);
        List<Map<String, Object>> plan = Api.messages(a.id);
        assertEquals(List.of("AFTERCARE-0H", "AFTERCARE-24H", "AFTERCARE-48H", "AFTERCARE-72H", "AFTERCARE-7D"),
                plan.stream().map(m -> m.get("step")).toList());
        assertEquals(List.of("2030-01-15T09:00:00Z", "2030-01-16T09:00:00Z", "2030-01-17T09:00:00Z",
                "2030-01-18T09:00:00Z", "2030-01-22T09:00:00Z"), plan.stream().map(m -> m.get("dueAt")).toList());
        assertEquals(List.of(true, false, false, false, false), plan.stream().map(m -> m.get("essential")).toList());

        // the at-completion message arrives within seconds; nothing else until its time
        Inbox.Received first = Api.awaitInbox(a.email, 1).get(0);
        assertTrue(first.subject().contains("Microneedling aftercare"), first.subject());
        assertTrue(first.text().contains("moderate sunburn"), first.text());
        assertTrue(first.text().contains("Pinpoint bleeding"), first.text());
        assertTrue(first.text().contains("retinoids, AHAs and vitamin C"), first.text());
        assertRedFlagsAndContact(first);
        assertEquals("<appointment-" + a.id + ".aftercare-0h@clinic.local>", first.messageId());
        assertTrue(!first.text().contains("opt-out"), "the essential message has no opt-out link");
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> Inbox.of(a.email).size() == 1);

        clock.set(Instant.parse("2030-01-16T08:59:59Z"));
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> Inbox.of(a.email).size() == 1);
        clock.set(Instant.parse("2030-01-16T09:00:00Z"));
        Inbox.Received day1 = Api.awaitInbox(a.email, 2).get(1);
        assertTrue(day1.text().contains("Mild swelling"), day1.text());
        assertTrue(day1.text().contains("/opt-out?token="), "non-essential carries an opt-out link");
        assertTrue(day1.listUnsubscribe() != null && day1.listUnsubscribe().contains("/opt-out?token="), "and RFC 8058 headers");
        assertEquals("List-Unsubscribe=One-Click", day1.listUnsubscribePost());
        assertNull(first.listUnsubscribe(), "the essential message has none");
        assertRedFlagsAndContact(day1);

        clock.set(Instant.parse("2030-01-17T09:00:00Z"));
        Inbox.Received day2 = Api.awaitInbox(a.email, 3).get(2);
        assertTrue(day2.text().contains("not a complication"), day2.text());

        clock.set(Instant.parse("2030-01-18T09:00:00Z"));
        Inbox.Received day3 = Api.awaitInbox(a.email, 4).get(3);
        assertTrue(day3.text().contains("peeling or flaking"), day3.text());

        clock.set(Instant.parse("2030-01-22T08:59:00Z"));
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> Inbox.of(a.email).size() == 4);
        clock.set(Instant.parse("2030-01-22T09:00:00Z"));
        Inbox.Received week = Api.awaitInbox(a.email, 5).get(4);
        assertTrue(week.text().contains("deeper skin barrier is still recovering"), week.text());
        assertRedFlagsAndContact(week);

        Api.awaitStatus(a.id, "AFTERCARE-7D", "SENT");
        for (Map<String, Object> m : Api.messages(a.id)) {
            assertEquals("SENT", m.get("status"), m.toString());
            assertEquals(1, m.get("attempts"), m.toString());
        }
        for (Inbox.Received m : Inbox.of(a.email)) {
            MedicalData.assertAbsent(m);
        }
    }

    @Test
    void laterStepsDueLateInTheEveningGoOutAtNineThatEveningButTheFirstGoesAtOnce() {
        // completed 22:30 in Warsaw: the at-completion message (first hours, red flags) goes at once;
        // every later step falls after 22:00 and goes out at 21:00 on its own day, not the morning after
        Instant completed = Instant.parse("2030-01-08T21:30:00Z");
        clock.set(completed.plusSeconds(10));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 1, 8, 21, 0));
        Events.publish(a.completed(completed));

        await().atMost(Api.WITHIN).until(() -> Api.messages(a.id).size() == 5);
        assertEquals(List.of("2030-01-08T21:30:00Z", "2030-01-09T20:00:00Z", "2030-01-10T20:00:00Z",
                "2030-01-11T20:00:00Z", "2030-01-15T20:00:00Z"), Api.messages(a.id).stream().map(m -> m.get("dueAt")).toList());
        Api.awaitInbox(a.email, 1);
        Api.awaitStatus(a.id, "AFTERCARE-0H", "SENT");

        clock.set(Instant.parse("2030-01-09T19:30:00Z"));
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> Inbox.of(a.email).size() == 1);

        clock.set(Instant.parse("2030-01-09T20:00:00Z"));
        Api.awaitInbox(a.email, 2);
    }

    @Test
    void theSameEventDeliveredTwiceYieldsOneSetOfMessages() {
        Instant completed = Instant.parse("2030-01-09T12:00:00Z");
        clock.set(completed.plusSeconds(5));
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 1, 9, 12, 0));
        ObjectNode event = a.completed(completed);
        Events.publish(event);
        Events.publish(event);
        // a different event id with a sequence already applied is stale
        ObjectNode stale = event.deepCopy();
        stale.put("eventId", java.util.UUID.randomUUID().toString());
        Events.publish(stale);
        ObjectNode later = a.event("AppointmentCompleted", "COMPLETED", completed.plusSeconds(60));
        Events.publish(later);
        Processed.awaitOutcome(event, "APPLIED");
        Processed.awaitOutcome(stale, "STALE");
        // a second completion (booking correcting the time) does not start a second plan
        Processed.awaitOutcome(later, "APPLIED");

        Api.awaitInbox(a.email, 1);
        await().atMost(Api.WITHIN).until(() -> Api.messages(a.id).size() == 2);
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> Api.messages(a.id).size() == 2
                && Inbox.of(a.email).size() == 1);
        Inbox.Received mail = Inbox.of(a.email).get(0);
        assertTrue(mail.text().contains("light windburn"), mail.text());
        assertTrue(mail.text().contains("basic moisturizer"), mail.text());
        assertRedFlagsAndContact(mail);

        clock.set(completed.plus(Duration.ofHours(24)));
        Api.awaitInbox(a.email, 2);
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> Inbox.of(a.email).size() == 2);
        assertTrue(Inbox.of(a.email).get(1).text().contains("looks and feels normal"));
    }

    @Test
    void consultationHasNoAftercare() {
        Instant completed = Instant.parse("2030-01-10T12:00:00Z");
        clock.set(completed.plusSeconds(5));
        TestAppointment a = new TestAppointment("CONSULTATION", LocalDateTime.of(2030, 1, 10, 12, 0));
        Events.publish(a.checkedIn(completed.minusSeconds(3600)));
        Events.publish(a.completed(completed));
        // the appointment becomes known (the completion was applied) and has no messages
        await().atMost(Api.WITHIN).until(() -> io.restassured.RestAssured.given().auth().preemptive()
                .basic("frontdesk", "frontdesk").get("/api/appointments/{id}/messages", a.id).statusCode() == 200);
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> Api.messages(a.id).isEmpty());
    }

    @Test
    void noShowWithdrawsAnUnsentInvitationAndALaterCancellationDoesNotTouchAftercare() {
        clock.set(Instant.parse("2030-01-11T08:00:00Z"));
        TestAppointment missed = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 1, 11, 10, 0));
        Inbox.stopSmtp();
        try {
            Events.publish(missed.confirmed(clock.instant()));
            Api.awaitStatus(missed.id, "CONFIRMATION", "FAILED_RETRYING");
            Events.publish(missed.noShow(clock.instant()));
            Api.awaitStatus(missed.id, "CONFIRMATION", "CANCELLED");
        } finally {
            Inbox.startSmtp();
        }

        // aftercare of a completed procedure stays: its red flags matter more than a late correction
        Instant completed = Instant.parse("2030-01-11T11:00:00Z");
        clock.set(completed.plusSeconds(5));
        TestAppointment done = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 1, 11, 10, 0));
        Events.publish(done.completed(completed));
        ObjectNode lateCancel = done.cancelled(completed.plusSeconds(1));
        Events.publish(lateCancel);
        Processed.awaitOutcome(lateCancel, "APPLIED");
        Api.awaitInbox(done.email, 1);
        await().during(QUIET).atMost(QUIET.plusSeconds(2)).until(() -> Api.messages(done.id).size() == 5
                && "PENDING".equals(Api.status(done.id, "AFTERCARE-24H")));
        assertNull(Api.message(done.id, "CANCELLATION"));
        assertTrue(Inbox.of(missed.email).isEmpty());
    }

    @Test
    void aNewerVersionWithUnknownFieldsIsAppliedAndItsExtraFieldsNeverReachTheEmail() {
        Instant completed = Instant.parse("2030-01-12T12:00:00Z");
        clock.set(completed.plusSeconds(5));
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 1, 12, 11, 0));
        ObjectNode event = a.completed(completed);
        event.put("version", 2);
        event.putObject("intakeAnswers").put("isotretinoin", "taking now").put("keloid", true);
        Events.publishRaw(a.id.toString(), event.toString());
        // and a type this service does not know: recorded and ignored, the partition goes on
        ObjectNode unknown = a.event("AppointmentTeleported", "TELEPORTED", completed.plusSeconds(1));
        Events.publishRaw(a.id.toString(), unknown.toString());
        Processed.awaitOutcome(event, "APPLIED");
        Processed.awaitOutcome(unknown, "IGNORED");

        Inbox.Received mail = Api.awaitInbox(a.email, 1).get(0);
        MedicalData.assertAbsent(mail);
        await().atMost(Api.WITHIN).until(() -> Api.messages(a.id).size() == 2);
    }

    private static void assertRedFlagsAndContact(Inbox.Received mail) {
        for (String body : List.of(mail.text(), mail.html())) {
            assertTrue(body.contains("Pain that gets worse after 48 hours"), body);
            assertTrue(body.contains("Redness that spreads outward"), body);
            assertTrue(body.contains("pus or other signs of infection"), body);
            assertTrue(body.contains("Abnormal scarring or raised tissue"), body);
            assertTrue(body.contains("+48 22 000 00 00"), "clinic phone: " + body);
            assertTrue(body.contains("ul. Przykladowa 1"), "clinic address: " + body);
        }
    }
}
