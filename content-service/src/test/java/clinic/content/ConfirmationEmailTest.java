package clinic.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Confirmation, update and cancellation emails with their iCalendar invitations, inline and in the clinic's zone. */
@QuarkusTest
class ConfirmationEmailTest {

    @Inject
    MovableClock clock;

    @Test
    void confirmationShowsLocalTimeProcedurePractitionerNotesAndAValidInvitation() {
        // a clock with nanoseconds, as the system clock has: the database keeps microseconds
        clock.set(Instant.parse("2030-02-01T10:00:00.123456789Z"));
        // 14 February 2030 10:30 in Warsaw (CET) is 09:30 UTC
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 2, 14, 10, 30));
        Events.publish(a.event("AppointmentPendingReview", "PENDING_REVIEW", clock.instant()));
        Inbox.Received reserved = Api.awaitInbox(a.email, 1).get(0);
        assertTrue(reserved.subject().contains("your time is reserved"), reserved.subject());
        assertNull(reserved.calendar(), "nothing for the calendar before the clinic confirms");
        Events.publish(a.confirmed(clock.instant()));

        Inbox.Received mail = Api.awaitInbox(a.email, 2).get(1);
        assertTrue(mail.subject().contains("Microneedling"), mail.subject());
        assertTrue(mail.subject().contains("confirmed"), mail.subject());
        for (String body : List.of(mail.text(), mail.html())) {
            assertTrue(body.contains("Dear Zofia"), body);
            assertTrue(body.contains("Thursday, 14 February 2030 at 10:30"), "clinic local time: " + body);
            assertTrue(body.contains("Europe/Warsaw"), body);
            assertTrue(body.contains("Dr Anna Nowak"), body);
            assertTrue(body.contains("20 to 30 minutes before"), "numbing cream note: " + body);
            assertTrue(body.contains("redness"), "expect redness: " + body);
            assertTrue(body.contains("+48 22 000 00 00"), "clinic phone: " + body);
        }
        assertEquals("<appointment-" + a.id + ".confirmation@clinic.local>", mail.messageId());
        assertTrue(mail.from().contains("care@clinic.local"), mail.from());
        assertTrue(mail.calendarContentType().toLowerCase().startsWith("text/calendar"), mail.calendarContentType());
        assertTrue(mail.calendarContentType().toLowerCase().contains("method=request"), mail.calendarContentType());
        assertEquals("inline", mail.calendarDisposition(), "an invitation, not a file to open");
        assertNull(mail.listUnsubscribe(), "an essential message offers no unsubscribe");

        Ics ics = Ics.parse(mail.calendar());
        assertEquals("REQUEST", ics.method());
        assertEquals("appointment-" + a.id + "@clinic.local", ics.event("UID"));
        assertEquals("2", ics.event("SEQUENCE"));
        assertEquals("CONFIRMED", ics.event("STATUS"));
        assertEquals("20300214T103000", ics.event("DTSTART"), "wall-clock time in the clinic's zone");
        assertEquals("Europe/Warsaw", ics.eventParameter("DTSTART", "TZID"));
        assertEquals(a.start, ics.start(), "the same instant, read through the VTIMEZONE the invitation carries");
        assertEquals(a.end, ics.end());
        assertNotNull(ics.event("DTSTAMP"));
        MedicalData.assertAbsent(reserved);
        MedicalData.assertAbsent(mail);
        Api.awaitStatus(a.id, "CONFIRMATION", "SENT");
    }

    @Test
    void rescheduleSendsAnUpdateWithTheSameUidAndAHigherSequenceThenCancelRemovesIt() {
        clock.set(Instant.parse("2030-02-02T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 2, 20, 15, 0));
        Events.publish(a.confirmed(clock.instant()));
        Inbox.Received confirmation = Api.awaitInbox(a.email, 1).get(0);
        Ics first = Ics.parse(confirmation.calendar());
        assertTrue(confirmation.text().contains("numbing cream is usually not needed"), confirmation.text());
        assertTrue(confirmation.text().contains("within a few hours"), confirmation.text());

        clock.advance(Duration.ofHours(1));
        Events.publish(a.rescheduled(LocalDateTime.of(2030, 2, 21, 9, 15), clock.instant()));
        Inbox.Received update = Api.awaitInbox(a.email, 2).get(1);
        assertTrue(update.subject().contains("changed"), update.subject());
        assertTrue(update.text().contains("Thursday, 21 February 2030 at 09:15"), update.text());
        assertTrue(update.text().contains("Wednesday, 20 February 2030 at 15:00"), "previous time shown: " + update.text());
        Ics second = Ics.parse(update.calendar());
        assertEquals("REQUEST", second.method());
        assertEquals(first.event("UID"), second.event("UID"));
        assertTrue(Integer.parseInt(second.event("SEQUENCE")) > Integer.parseInt(first.event("SEQUENCE")));
        assertEquals("20300221T091500", second.event("DTSTART"));
        assertEquals(a.start, second.start());
        assertEquals("<appointment-" + a.id + ".update-2@clinic.local>", update.messageId());

        clock.advance(Duration.ofHours(1));
        Events.publish(a.cancelled(clock.instant()));
        Inbox.Received cancel = Api.awaitInbox(a.email, 3).get(2);
        assertTrue(cancel.subject().contains("cancelled"), cancel.subject());
        assertTrue(cancel.calendarContentType().toLowerCase().contains("method=cancel"), cancel.calendarContentType());
        assertEquals("inline", cancel.calendarDisposition());
        Ics third = Ics.parse(cancel.calendar());
        assertEquals("CANCEL", third.method());
        assertEquals(first.event("UID"), third.event("UID"));
        assertEquals("CANCELLED", third.event("STATUS"));
        assertTrue(Integer.parseInt(third.event("SEQUENCE")) > Integer.parseInt(second.event("SEQUENCE")));
        for (Inbox.Received m : Inbox.of(a.email)) {
            MedicalData.assertAbsent(m);
        }
    }

    @Test
    void consultationConfirmationSaysNoTreatmentIsPerformed() {
        clock.set(Instant.parse("2030-02-03T10:00:00Z"));
        TestAppointment a = new TestAppointment("CONSULTATION", LocalDateTime.of(2030, 2, 22, 12, 0));
        Events.publish(a.confirmed(clock.instant()));
        Inbox.Received mail = Api.awaitInbox(a.email, 1).get(0);
        assertTrue(mail.text().contains("no treatment is performed"), mail.text());
        assertEquals("CONFIRMED", Ics.parse(mail.calendar()).event("STATUS"));
    }

    @Test
    void cancellingBeforeAnythingWentOutWithdrawsTheInvitationAndSendsNothing() {
        clock.set(Instant.parse("2030-02-04T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 2, 25, 12, 0));
        Inbox.stopSmtp();
        try {
            Events.publish(a.confirmed(clock.instant()));
            Api.awaitStatus(a.id, "CONFIRMATION", "FAILED_RETRYING");
            Events.publish(a.cancelled(clock.instant()));
            Api.awaitStatus(a.id, "CONFIRMATION", "CANCELLED");
        } finally {
            Inbox.startSmtp();
        }
        clock.advance(Duration.ofDays(1));
        // the retry would now be due: it must not happen, and no cancellation is news to anyone
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                .until(() -> Inbox.of(a.email).isEmpty());
        assertNull(Api.message(a.id, "CANCELLATION"));
        // the confirmation and both reminders, all withdrawn
        assertEquals(List.of("CANCELLED", "CANCELLED", "CANCELLED"),
                Api.messages(a.id).stream().map(m -> m.get("status")).toList());
    }

    @Test
    void anAppointmentPutOnHoldTellsThePatientToCallAndWithdrawsAConfirmationNotYetSent() {
        clock.set(Instant.parse("2030-03-01T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 3, 20, 11, 0));
        Events.publish(a.confirmed(clock.instant()));
        Api.awaitInbox(a.email, 1);
        Events.publish(a.onHold("SCREENING_BLOCKED", clock.instant()));
        Inbox.Received notice = Api.awaitInbox(a.email, 2).get(1);
        assertTrue(notice.subject().contains("please contact us"), notice.subject());
        assertTrue(notice.text().contains("+48 22 000 00 00"), notice.text());
        assertTrue(notice.text().contains("Wednesday, 20 March 2030 at 11:00"), notice.text());
        // the patient holds the confirmed entry in a calendar: it turns tentative, so no calendar shows it confirmed
        Ics tentative = Ics.parse(notice.calendar());
        assertEquals("REQUEST", tentative.method());
        assertEquals("TENTATIVE", tentative.event("STATUS"));
        assertTrue(notice.text().contains("treat the appointment as not confirmed"), notice.text());
        MedicalData.assertAbsent(notice);
        // the reminders of a confirmed appointment are withdrawn while it is on hold
        Api.awaitStatus(a.id, "REMINDER-DAY-BEFORE-1", "CANCELLED");
        Api.awaitStatus(a.id, "REMINDER-SHORT-1", "CANCELLED");

        // held for another reason: a second notice, nothing medical in either
        Events.publish(a.onHold("INTAKE_NEEDED", clock.instant()));
        Inbox.Received second = Api.awaitInbox(a.email, 3).get(2);
        assertTrue(second.subject().contains("please contact us"), second.subject());
        MedicalData.assertAbsent(second);
    }

    @Test
    void aHoldOfAnAppointmentNeverConfirmedIsANoticeWithoutACalendarEntry() {
        clock.set(Instant.parse("2030-03-01T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 3, 21, 11, 0));
        Events.publish(a.pendingReview(clock.instant()));
        Api.awaitInbox(a.email, 1);
        Events.publish(a.onHold("SCREENING_BLOCKED", clock.instant()));
        Inbox.Received notice = Api.awaitInbox(a.email, 2).get(1);
        assertTrue(notice.subject().contains("please contact us"), notice.subject());
        assertNull(notice.calendarContentType(), "the patient holds no calendar entry: a notice carries none");
        MedicalData.assertAbsent(notice);
    }

    @Test
    void aPatientAtTheClinicIsToldOfAReviewOrHoldInPersonAndByEmailAgainOnceMoved() {
        clock.set(Instant.parse("2030-04-02T08:30:00Z"));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 4, 2, 11, 0));
        Events.publish(a.confirmed(clock.instant()));
        Api.awaitInbox(a.email, 1);
        Events.publish(a.checkedIn(clock.instant()));
        // while the patient is in the waiting room a new decision asks for review, then holds the appointment
        Events.publish(a.rescreened("AppointmentPendingReview", "PENDING_REVIEW", clock.instant()));
        Events.publish(a.onHold("SCREENING_BLOCKED", clock.instant()));
        // moved to another day, the patient is no longer at the clinic for it: a hold is told by e-mail again
        Events.publish(a.rescheduled(LocalDateTime.of(2030, 4, 9, 11, 0), "ON_HOLD", clock.instant()));
        Inbox.Received moved = Api.awaitInbox(a.email, 2).get(1);
        assertTrue(moved.subject().contains("please contact us"), moved.subject());
        assertTrue(moved.text().contains("9 April 2030"), "the first notice is the moved appointment's: " + moved.text());
        Events.publish(a.onHold("INTAKE_NEEDED", clock.instant()));
        Inbox.Received heldAgain = Api.awaitInbox(a.email, 3).get(2);
        assertTrue(heldAgain.subject().contains("please contact us"), heldAgain.subject());
        // events are applied in order: nothing was planned for the review or the hold at the clinic
        List<String> steps = Api.messages(a.id).stream().map(m -> (String) m.get("step")).toList();
        assertEquals(0, steps.stream().filter(step -> step.startsWith("REVIEW-") || step.startsWith("RESERVED-")).count(), steps::toString);
        assertEquals(2, steps.stream().filter(step -> step.startsWith("HOLD-")).count(), steps::toString);
        assertEquals(3, Api.awaitInbox(a.email, 3).size(), "nothing else was sent");
    }

    @Test
    void anAppointmentConfirmedWhileItsDayIsClosedIsConfirmedToThePatientWhenTheDayOpensAgain() {
        clock.set(Instant.parse("2030-05-06T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 5, 21, 10, 0));
        Events.publish(a.pendingReview(clock.instant()));
        Inbox.Received reserved = Api.awaitInbox(a.email, 1).get(0);
        assertTrue(reserved.subject().contains("your time is reserved"), reserved.subject());
        Events.publish(a.dayClosed("PENDING_REVIEW", clock.instant()));
        // the clinician approves while the clinic has closed the day: no "is confirmed" for a closed day
        JsonNode approved = a.confirmed(clock.instant());
        Events.publish(approved);
        Processed.awaitOutcome(approved, "APPLIED");
        assertEquals(List.of("RESERVED-1"), Api.messages(a.id).stream().map(m -> m.get("step")).toList());

        Events.publish(a.dayReopened("CONFIRMED", clock.instant()));
        Inbox.Received confirmation = Api.awaitInbox(a.email, 2).get(1);
        assertEquals("Your Microneedling appointment on Tuesday, 21 May 2030 is confirmed", confirmation.subject());
        assertNotNull(confirmation.calendar(), "the invitation for the patient's calendar");
        Api.awaitStatus(a.id, "REMINDER-DAY-BEFORE-4", "PENDING");

        // confirmed on a closed day and then moved: the move confirms it, and opening a day it has left tells nothing
        TestAppointment b = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 5, 21, 12, 0));
        Events.publish(b.pendingReview(clock.instant()));
        Api.awaitInbox(b.email, 1);
        Events.publish(b.dayClosed("PENDING_REVIEW", clock.instant()));
        Events.publish(b.confirmed(clock.instant()));
        Events.publish(b.rescheduled(LocalDateTime.of(2030, 5, 22, 12, 0), clock.instant()));
        Inbox.Received moved = Api.awaitInbox(b.email, 2).get(1);
        assertEquals("Your Microneedling appointment on Wednesday, 22 May 2030 is confirmed", moved.subject());
        JsonNode reopened = b.dayReopened("CONFIRMED", clock.instant());
        Events.publish(reopened);
        Processed.awaitOutcome(reopened, "APPLIED");
        assertEquals(List.of("RESERVED-1", "CONFIRMATION", "REMINDER-DAY-BEFORE-4", "REMINDER-SHORT-4"),
                Api.messages(b.id).stream().map(m -> m.get("step")).toList());
    }
}
