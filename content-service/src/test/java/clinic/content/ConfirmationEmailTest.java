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

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/** Confirmation, update and cancellation emails with their iCalendar invitations. */
@QuarkusTest
class ConfirmationEmailTest {

    @Inject
    MovableClock clock;

    @Test
    void confirmationShowsLocalTimeProcedurePractitionerNotesAndAValidInvitation() {
        clock.set(Instant.parse("2030-02-01T10:00:00Z"));
        // 14 February 2030 10:30 in Warsaw (CET) is 09:30 UTC
        TestAppointment a = new TestAppointment("MICRONEEDLING", LocalDateTime.of(2030, 2, 14, 10, 30));
        Events.publish(a.event("AppointmentPendingReview", "PENDING_REVIEW", clock.instant()));
        Events.publish(a.confirmed(clock.instant()));

        Inbox.Received mail = Api.awaitInbox(a.email, 1).get(0);
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
        assertTrue(mail.calendarContentType().toLowerCase().contains("method=request"), mail.calendarContentType());

        Ics ics = Ics.parse(mail.calendar());
        assertEquals("REQUEST", ics.method());
        assertEquals("appointment-" + a.id + "@clinic.local", ics.event("UID"));
        assertEquals("2", ics.event("SEQUENCE"));
        assertEquals("20300214T093000Z", ics.event("DTSTART"));
        assertEquals("20300214T103000Z", ics.event("DTEND"));
        assertNotNull(ics.event("DTSTAMP"));
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
        assertEquals("20300221T081500Z", second.event("DTSTART"));
        assertEquals("<appointment-" + a.id + ".update-2@clinic.local>", update.messageId());

        clock.advance(Duration.ofHours(1));
        Events.publish(a.cancelled(clock.instant()));
        Inbox.Received cancel = Api.awaitInbox(a.email, 3).get(2);
        assertTrue(cancel.subject().contains("cancelled"), cancel.subject());
        assertTrue(cancel.calendarContentType().toLowerCase().contains("method=cancel"), cancel.calendarContentType());
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
        assertEquals(1, Api.messages(a.id).size());
    }

    @Test
    void anAppointmentPutOnHoldTellsThePatientToCallAndWithdrawsAConfirmationNotYetSent() {
        clock.set(Instant.parse("2030-03-01T10:00:00Z"));
        TestAppointment a = new TestAppointment("MICRODERMABRASION", LocalDateTime.of(2030, 3, 20, 11, 0));
        Events.publish(a.confirmed(clock.instant()));
        Api.awaitInbox(a.email, 1);
        for (String reason : List.of("SCREENING_BLOCKED", "INTAKE_NEEDED")) {
            Events.publish(a.onHold(reason, clock.instant()));
        }
        List<Inbox.Received> mails = Api.awaitInbox(a.email, 3);
        Inbox.Received notice = mails.get(1);
        assertTrue(notice.subject().contains("please contact us"), notice.subject());
        assertTrue(notice.text().contains("+48 22 000 00 00"), notice.text());
        assertTrue(notice.text().contains("Wednesday, 20 March 2030 at 11:00"), notice.text());
        assertNull(notice.calendarContentType(), "a notice carries no calendar entry");
        MedicalData.assertAbsent(notice);
        MedicalData.assertAbsent(mails.get(2));
    }
}
