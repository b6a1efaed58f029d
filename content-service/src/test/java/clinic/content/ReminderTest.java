package clinic.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Reminders before a confirmed appointment (the day before at 17:00, three hours before; never in
 * quiet hours), with the pre-visit notes and an opt-out; planned anew when it moves, withdrawn
 * when it is put on hold, into review or cancelled, or when the clinic closes its day.
 */
@QuarkusTest
class ReminderTest {

    @Inject
    MovableClock clock;

    @Test
    void theDayBeforeAndAFewHoursBeforeWithPreVisitNotesAndAnOptOut() {
        clock.set(Instant.parse("2030-11-01T10:00:00Z"));
        // 14 November 2030 10:30 in Warsaw (CET) is 09:30 UTC
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 11, 14, 10, 30));
        Events.publish(a.confirmed(clock.instant()));
        Api.awaitInbox(a.email, 1);

        Map<String, Object> dayBefore = Api.message(a.id, "REMINDER-DAY-BEFORE-1");
        Map<String, Object> soon = Api.message(a.id, "REMINDER-SHORT-1");
        assertEquals("2030-11-13T16:00:00Z", dayBefore.get("dueAt"), "17:00 local the day before");
        assertEquals("2030-11-14T07:00:00Z", soon.get("dueAt"), "07:30 local is in quiet hours: 08:00");
        assertEquals("2030-11-14T07:00:00Z", dayBefore.get("deadlineAt"), "not after the short one");
        assertEquals("2030-11-14T09:30:00Z", soon.get("deadlineAt"), "not after the start");
        assertEquals(false, dayBefore.get("essential"));

        clock.set(Instant.parse("2030-11-13T15:59:59Z"));
        org.awaitility.Awaitility.await().during(java.time.Duration.ofSeconds(2)).atMost(java.time.Duration.ofSeconds(4))
                .until(() -> Inbox.of(a.email).size() == 1);
        clock.set(Instant.parse("2030-11-13T16:00:00Z"));
        Inbox.Received first = Api.awaitInbox(a.email, 2).get(1);
        assertEquals("Reminder: your Microneedling appointment tomorrow at 10:30", first.subject());
        for (String body : List.of(first.text(), first.html())) {
            assertTrue(body.contains("Thursday, 14 November 2030 at 10:30"), body);
            assertTrue(body.contains("20 to 30 minutes before"), "the pre-visit notes: " + body);
            assertTrue(body.contains("/opt-out?token="), "an opt-out link: " + body);
        }
        assertTrue(first.listUnsubscribe().startsWith("<http"), first.listUnsubscribe());
        assertEquals("List-Unsubscribe=One-Click", first.listUnsubscribePost());
        assertNull(first.calendar());
        assertEquals("<appointment-" + a.id + ".reminder-day-before-1@clinic.local>", first.messageId());
        MedicalData.assertAbsent(first);

        clock.set(Instant.parse("2030-11-14T07:00:00Z"));
        Inbox.Received second = Api.awaitInbox(a.email, 3).get(2);
        assertEquals("Reminder: your Microneedling appointment today at 10:30", second.subject());
        MedicalData.assertAbsent(second);
    }

    @Test
    void aMoveReplansThemAndHoldReviewOrCancellationWithdrawThem() {
        clock.set(Instant.parse("2030-11-02T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 11, 20, 12, 0));
        Events.publish(a.confirmed(clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-1", "PENDING");

        Events.publish(a.rescheduled(LocalDateTime.of(2030, 11, 22, 15, 0), clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-2", "PENDING");
        assertEquals("CANCELLED", Api.status(a.id, "REMINDER-SHORT-1"));
        assertEquals("CANCELLED", Api.status(a.id, "REMINDER-DAY-BEFORE-1"));
        assertEquals("2030-11-22T11:00:00Z", Api.message(a.id, "REMINDER-SHORT-2").get("dueAt"), "12:00 local, three hours before");
        assertEquals("2030-11-21T16:00:00Z", Api.message(a.id, "REMINDER-DAY-BEFORE-2").get("dueAt"));

        Events.publish(a.onHold("SCREENING_BLOCKED", clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-2", "CANCELLED");
        Events.publish(a.rescreened("AppointmentConfirmed", "CONFIRMED", clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-4", "PENDING");
        Events.publish(a.rescreened("AppointmentPendingReview", "PENDING_REVIEW", clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-4", "CANCELLED");
        Events.publish(a.confirmed(clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-6", "PENDING");
        Events.publish(a.cancelled(clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-6", "CANCELLED");
        assertEquals("CANCELLED", Api.status(a.id, "REMINDER-DAY-BEFORE-6"));
    }

    @Test
    void aBookingMadeAfterTheDayBeforeTimeGetsOnlyTheShortOne() {
        // 18:00 local on 2 December; the appointment is at 19:00 the next day
        clock.set(Instant.parse("2030-12-02T17:00:00Z"));
        TestAppointment a = new TestAppointment("CONSULTATION", LocalDateTime.of(2030, 12, 3, 19, 0));
        Events.publish(a.confirmed(clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-1", "PENDING");
        assertNull(Api.message(a.id, "REMINDER-DAY-BEFORE-1"));
        assertEquals("2030-12-03T15:00:00Z", Api.message(a.id, "REMINDER-SHORT-1").get("dueAt"));
    }

    @Test
    void anEarlyMorningAppointmentGetsNoShortReminderAtNight() {
        clock.set(Instant.parse("2030-12-04T10:00:00Z"));
        // 08:30 local: three hours before is 05:30, and 08:00 would be too close to the start
        TestAppointment a = new TestAppointment("CONSULTATION", LocalDateTime.of(2030, 12, 10, 8, 30));
        Events.publish(a.confirmed(clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-DAY-BEFORE-1", "PENDING");
        assertNull(Api.message(a.id, "REMINDER-SHORT-1"));
    }

    @Test
    void noReminderAsksThePatientToComeOnADayTheClinicClosed() {
        clock.set(Instant.parse("2030-12-05T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 12, 17, 11, 0));
        Events.publish(a.confirmed(clock.instant()));
        Api.awaitInbox(a.email, 1);
        Api.awaitStatus(a.id, "REMINDER-SHORT-1", "PENDING");

        Events.publish(a.dayClosed("CONFIRMED", clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-1", "CANCELLED");
        assertEquals("CANCELLED", Api.status(a.id, "REMINDER-DAY-BEFORE-1"));
        // confirmed again while the day is closed (after a review): no reminders, nor the confirmation, until it opens
        Events.publish(a.rescreened("AppointmentPendingReview", "PENDING_REVIEW", clock.instant()));
        Events.publish(a.confirmed(clock.instant()));
        Events.publish(a.dayReopened("CONFIRMED", clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-5", "PENDING");
        assertNull(Api.message(a.id, "REMINDER-SHORT-4"), "none planned while the day was closed");
        assertNull(Api.message(a.id, "UPDATE-4"), "not confirmed while the day was closed");
        assertNotNull(Api.message(a.id, "UPDATE-5"), "confirmed again when it opened");
        assertEquals("2030-12-16T16:00:00Z", Api.message(a.id, "REMINDER-DAY-BEFORE-5").get("dueAt"));

        // closed again and then moved to an open day: the move plans them
        Events.publish(a.dayClosed("CONFIRMED", clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-5", "CANCELLED");
        Events.publish(a.rescheduled(LocalDateTime.of(2030, 12, 19, 11, 0), clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-7", "PENDING");
    }

    @Test
    void noReminderOrConfirmationAsksThePatientToComeToAPractitionerWhoIsAway() {
        clock.set(Instant.parse("2030-12-06T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 12, 18, 11, 0));
        Events.publish(a.pendingReview(clock.instant()));
        Api.awaitInbox(a.email, 1);
        Events.publish(a.practitionerAway("PENDING_REVIEW", clock.instant()));
        // approved while the practitioner is away: neither the confirmation nor its reminders yet
        Events.publish(a.confirmed(clock.instant()));
        // the clinic closes that day too; the practitioner's return alone does not let it go ahead
        Events.publish(a.dayClosed("CONFIRMED", clock.instant()));
        com.fasterxml.jackson.databind.JsonNode back = a.practitionerBack("CONFIRMED", clock.instant());
        Events.publish(back);
        Processed.awaitOutcome(back, "APPLIED");
        assertEquals(List.of("RESERVED-1"), Api.messages(a.id).stream().map(m -> m.get("step")).toList());

        Events.publish(a.dayReopened("CONFIRMED", clock.instant()));
        Inbox.Received confirmation = Api.awaitInbox(a.email, 2).get(1);
        assertTrue(confirmation.subject().endsWith("is confirmed"), confirmation.subject());
        Api.awaitStatus(a.id, "REMINDER-SHORT-6", "PENDING");
        assertEquals("2030-12-17T16:00:00Z", Api.message(a.id, "REMINDER-DAY-BEFORE-6").get("dueAt"));

        // away again: the reminders are withdrawn; back: planned again
        Events.publish(a.practitionerAway("CONFIRMED", clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-6", "CANCELLED");
        Events.publish(a.practitionerBack("CONFIRMED", clock.instant()));
        Api.awaitStatus(a.id, "REMINDER-SHORT-8", "PENDING");
    }
}
