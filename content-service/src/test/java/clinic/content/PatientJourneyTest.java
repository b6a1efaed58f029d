package clinic.content;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Every change a patient must know reaches them, in order: reserved pending the clinic's
 * confirmation, confirmed, moved, to be confirmed again, denied or cancelled (with the calendar
 * entry they hold cancelled), and aftercare never before the confirmation. Nothing medical in any.
 */
@QuarkusTest
class PatientJourneyTest {

    @Inject
    MovableClock clock;

    @Test
    void reservedThenConfirmedThenToBeConfirmedAgainThenDeniedEachInOrderWithTheCalendarFollowing() {
        clock.set(Instant.parse("2030-02-10T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 3, 5, 11, 0));

        Events.publish(a.pendingReview(clock.instant()));
        Inbox.Received reserved = Api.awaitInbox(a.email, 1).get(0);
        assertTrue(reserved.subject().contains("your time is reserved"), reserved.subject());
        assertTrue(reserved.text().contains("the clinic will confirm"), reserved.text());
        assertNull(reserved.calendar());

        Events.publish(a.confirmed(clock.instant()));
        Inbox.Received confirmed = Api.awaitInbox(a.email, 2).get(1);
        Ics invitation = Ics.parse(confirmed.calendar());
        assertEquals("CONFIRMED", invitation.event("STATUS"));

        // a repeated screening sends it back to a clinician: the entry the patient holds turns tentative
        Events.publish(a.rescreened("AppointmentPendingReview", "PENDING_REVIEW", clock.instant()));
        Inbox.Received review = Api.awaitInbox(a.email, 3).get(2);
        assertTrue(review.subject().contains("to be confirmed by the clinic"), review.subject());
        assertTrue(review.text().contains("needs to be confirmed again"), review.text());
        Ics tentative = Ics.parse(review.calendar());
        assertEquals("REQUEST", tentative.method());
        assertEquals("TENTATIVE", tentative.event("STATUS"));
        assertEquals(invitation.event("UID"), tentative.event("UID"));
        assertTrue(seq(tentative) > seq(invitation));
        Api.awaitStatus(a.id, "REMINDER-SHORT-2", "CANCELLED");

        // the clinician denies it: the entry is cancelled
        Events.publish(a.rejected(clock.instant()));
        Inbox.Received denied = Api.awaitInbox(a.email, 4).get(3);
        assertTrue(denied.subject().contains("cannot go ahead"), denied.subject());
        assertTrue(denied.text().contains("+48 22 000 00 00"), denied.text());
        assertTrue(denied.calendarContentType().toLowerCase().contains("method=cancel"), denied.calendarContentType());
        Ics cancel = Ics.parse(denied.calendar());
        assertEquals("CANCEL", cancel.method());
        assertEquals("CANCELLED", cancel.event("STATUS"));
        assertEquals(invitation.event("UID"), cancel.event("UID"));
        assertTrue(seq(cancel) > seq(tentative));

        List<Inbox.Received> all = Inbox.of(a.email);
        assertEquals(4, all.stream().map(Inbox.Received::messageId).collect(Collectors.toSet()).size());
        all.forEach(MedicalData::assertAbsent);
        assertEquals(Set.of("CANCELLED"), Api.messages(a.id).stream().filter(m -> "REMINDER".equals(m.get("kind")))
                .map(m -> m.get("status")).collect(Collectors.toSet()), "no reminder for a denied appointment");
    }

    @Test
    void aDenialOfABookingNeverConfirmedCarriesNoCalendar() {
        clock.set(Instant.parse("2030-02-11T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 3, 6, 11, 0));
        Events.publish(a.pendingReview(clock.instant()));
        Api.awaitInbox(a.email, 1);
        Events.publish(a.rejected(clock.instant()));
        Inbox.Received denied = Api.awaitInbox(a.email, 2).get(1);
        assertTrue(denied.subject().contains("cannot go ahead"), denied.subject());
        assertNull(denied.calendar(), "there is no calendar entry to cancel");
        MedicalData.assertAbsent(denied);
    }

    @Test
    void aMoveIntoReviewBeforeTheConfirmationWentOutWithdrawsItAndSendsANotice() {
        clock.set(Instant.parse("2030-02-12T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 3, 7, 11, 0));
        Inbox.stopSmtp();
        try {
            Events.publish(a.confirmed(clock.instant()));
            Api.awaitStatus(a.id, "CONFIRMATION", "FAILED_RETRYING");
            Events.publish(a.rescreened("AppointmentPendingReview", "PENDING_REVIEW", clock.instant()));
            Api.awaitStatus(a.id, "CONFIRMATION", "CANCELLED");
            Api.awaitStatus(a.id, "REVIEW-2", "FAILED_RETRYING");
        } finally {
            Inbox.startSmtp();
        }
        clock.advance(Duration.ofSeconds(11));
        Inbox.Received notice = Api.awaitInbox(a.email, 1).get(0);
        assertTrue(notice.subject().contains("to be confirmed by the clinic"), notice.subject());
        assertNull(notice.calendar(), "the patient holds no entry to mark tentative");
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> Inbox.of(a.email).size() == 1);
    }

    @Test
    void aMoveThatNeedsTheClinicToConfirmShowsTheNewTimeAndMarksTheEntryTentative() {
        clock.set(Instant.parse("2030-02-13T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 3, 8, 11, 0));
        Events.publish(a.confirmed(clock.instant()));
        Ics first = Ics.parse(Api.awaitInbox(a.email, 1).get(0).calendar());
        Events.publish(a.rescheduled(LocalDateTime.of(2030, 3, 12, 14, 30), "PENDING_REVIEW", clock.instant()));
        Inbox.Received moved = Api.awaitInbox(a.email, 2).get(1);
        assertTrue(moved.subject().contains("has moved to Tuesday, 12 March 2030 at 14:30"), moved.subject());
        assertTrue(moved.text().contains("Friday, 8 March 2030 at 11:00"), "the previous time: " + moved.text());
        Ics tentative = Ics.parse(moved.calendar());
        assertEquals("TENTATIVE", tentative.event("STATUS"));
        assertEquals(a.start, tentative.start());
        assertEquals(first.event("UID"), tentative.event("UID"));
        MedicalData.assertAbsent(moved);
    }

    @Test
    void aCancelledAppointmentWhosePatientOnlyHeardItWasReservedGetsACancellationWithoutCalendar() {
        clock.set(Instant.parse("2030-02-14T10:00:00Z"));
        TestAppointment a = new TestAppointment("CONSULTATION", LocalDateTime.of(2030, 3, 9, 11, 0));
        Events.publish(a.pendingReview(clock.instant()));
        Api.awaitInbox(a.email, 1);
        Events.publish(a.cancelled(clock.instant()));
        Inbox.Received cancelled = Api.awaitInbox(a.email, 2).get(1);
        assertTrue(cancelled.subject().contains("is cancelled"), cancelled.subject());
        assertNull(cancelled.calendar());
    }

    @Test
    void aftercareWaitsForAConfirmationStillOnItsWay() {
        Instant now = Instant.parse("2030-02-15T10:00:00Z");
        clock.set(now);
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 2, 15, 12, 0));
        Inbox.stopSmtp();
        try {
            Events.publish(a.confirmed(now));
            Api.awaitStatus(a.id, "CONFIRMATION", "FAILED_RETRYING");
            // the visit is brought forward and treated while the confirmation still waits for SMTP
            a.start = now.minus(Duration.ofMinutes(50));
            a.end = now.minus(Duration.ofMinutes(5));
            Events.publish(a.completed(now));
            await().atMost(Api.WITHIN).until(() -> Api.messages(a.id).stream().anyMatch(m -> "AFTERCARE-0H".equals(m.get("step"))));
            // the at-completion step is due, but not claimed while the confirmation is on its way
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4))
                    .until(() -> "PENDING".equals(Api.status(a.id, "AFTERCARE-0H")));
        } finally {
            Inbox.startSmtp();
        }
        clock.advance(Duration.ofSeconds(11));
        List<Inbox.Received> mails = Api.awaitInbox(a.email, 2);
        assertTrue(mails.get(0).subject().contains("confirmed"), "the confirmation first: " + mails.get(0).subject());
        assertTrue(mails.get(1).subject().contains("aftercare"), mails.get(1).subject());
    }

    private static int seq(Ics ics) {
        return Integer.parseInt(ics.event("SEQUENCE"));
    }
}
