package clinic.local.stack.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import clinic.local.stack.ClinicStack;
import clinic.local.stack.ContentDatabase;
import clinic.local.stack.IntakeAnswers;
import clinic.local.stack.StackSettings;
import clinic.local.stack.TestAppointments;

/**
 * The front-desk screens in a real browser against the whole clinic (three packaged services,
 * real PostgreSQL, Kafka, SMTP sink): a front desk registers a patient, records the intake,
 * books, is refused a too-close second treatment and books the earliest eligible date instead;
 * a clinician approves a booking screening sent to review, completes it and sees the aftercare
 * plan; a front desk reschedules, cancels with a reason and marks a no-show; each role is offered
 * only what it may do, by keyboard too. Runs at tablet sizes in a browser far from the clinic's
 * time zone, with axe-core finding no serious or critical violation on each screen; screenshots land in
 * target/ui-screenshots; any JavaScript error fails the test.
 * Set -Dclinic.ui.baseUrl=http://... to drive an already running clinic instead of starting one
 * (the tests that move an appointment to today need the clinic they start, see {@link UiClinic}).
 */
class FrontDeskUiTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Warsaw");
    private static ClinicStack stack;
    private static String baseUrl;
    private Browser browser;

    @BeforeAll
    static void startTheClinic() throws Exception {
        Browser.assumeInstalled();
        baseUrl = UiClinic.baseUrl();
        stack = UiClinic.stack();
    }

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.open(baseUrl, 1024, 768);
    }

    @AfterEach
    void noJavascriptErrorsAndCloseBrowser(TestInfo test) throws Exception {
        try {
            List<String> errors = browser.javascriptErrors();
            assertTrue(errors.isEmpty(), "JavaScript errors in the browser log during " + test.getDisplayName() + ": " + errors);
        } finally {
            browser.close();
        }
    }

    @Test
    void frontDeskRegistersRecordsIntakeBooksAndBooksTheEarliestEligibleDateWhenBlocked() throws Exception {
        browser.signIn("frontdesk");
        assertEquals(List.of("Calendar", "Arrivals", "Patients", "Book", "Messages"), navLabels(), "the front desk's menu");
        browser.screenshot("01-calendar-day-frontdesk");

        // register, first with a bad e-mail: the API's field error appears next to the field
        browser.click(By.linkText("Patients"));
        browser.click(By.id("new-patient"));
        browser.visible(By.id("new-patient-form"));
        browser.screenshot("02-new-patient");
        browser.assertAccessible("new patient form");
        String email = "ui-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        browser.type(By.id("np-firstName"), "Hanna");
        browser.type(By.id("np-lastName"), "Lewandowska");
        browser.type(By.id("np-email"), "not-an-e-mail");
        browser.setDate(By.id("np-dateOfBirth"), "1988-03-14");
        browser.type(By.id("np-phone"), "ask at reception");
        browser.click(By.id("np-submit"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("np-email"), "aria-invalid", "true"));
        assertFalse(browser.visible(By.id("np-email-error")).getText().isBlank(), "the e-mail's error is shown at the field");
        // every field's error at once, not one per attempt
        browser.textAppears(By.id("np-phone-error"), "may contain only digits");
        assertEquals("np-email", browser.focused().getAttribute("id"), "focus moves to the field to correct");
        browser.screenshot("03-new-patient-field-error");
        browser.type(By.id("np-email"), email);
        browser.type(By.id("np-phone"), "+48 (22) 600-100");
        browser.click(By.id("np-submit"));
        browser.textAppears(By.cssSelector("main h1"), "Hanna Lewandowska");
        browser.textAppears(By.id("flash"), "Patient registered");
        String patientUrl = browser.driver.getCurrentUrl();

        // the same person again (name in another case, another e-mail): the desk is sent to the record on file
        browser.click(By.linkText("Patients"));
        browser.click(By.id("new-patient"));
        browser.type(By.id("np-firstName"), "HANNA");
        browser.type(By.id("np-lastName"), "lewandowska");
        browser.type(By.id("np-email"), "other-" + email);
        browser.setDate(By.id("np-dateOfBirth"), "1988-03-14");
        browser.click(By.id("np-submit"));
        browser.textAppears(By.id("likely-same"), "Hanna Lewandowska");
        browser.visible(By.id("likely-same-anyway"));
        browser.screenshot("03b-new-patient-likely-registered");
        browser.click(By.cssSelector("#likely-same a"));
        browser.textAppears(By.cssSelector("main h1"), "Hanna Lewandowska");
        assertEquals(patientUrl, browser.driver.getCurrentUrl(), "the record on file opens");

        // someone else with the same e-mail (a daughter, say): registered, and the desk is told both share an inbox
        browser.click(By.linkText("Patients"));
        browser.click(By.id("new-patient"));
        browser.type(By.id("np-firstName"), "Julia");
        browser.type(By.id("np-lastName"), "Lewandowska");
        browser.type(By.id("np-email"), email.toUpperCase());
        browser.setDate(By.id("np-dateOfBirth"), "2012-06-01");
        browser.click(By.id("np-submit"));
        browser.textAppears(By.cssSelector("main h1"), "Julia Lewandowska");
        browser.textAppears(By.id("flash"), "This e-mail is also on the record of Hanna Lewandowska");
        browser.driver.get(patientUrl);
        browser.textAppears(By.cssSelector("main h1"), "Hanna Lewandowska");

        // intake: unanswered questions are flagged in the page; a server-side rule names its field
        browser.click(By.id("record-intake"));
        browser.visible(By.id("intake-form"));
        browser.click(By.id("intake-submit"));
        browser.textAppears(By.id("in-isotretinoin-error"), "Choose one answer");
        browser.textAppears(By.id("in-bloodThinners-error"), "Choose yes or no");
        browser.screenshot("04-intake-unanswered");
        browser.assertAccessible("intake form with unanswered questions");
        // stopped isotretinoin, with a last dose in the future: the screening service names the field
        answerIntake("STOPPED", "no", "no", "no", "no", "no");
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        browser.setDate(By.id("in-isotretinoinLastDose"), today.plusDays(3).toString());
        browser.click(By.id("intake-submit"));
        browser.wait.until(ExpectedConditions.attributeToBe(By.id("in-isotretinoinLastDose"), "aria-invalid", "true"));
        assertFalse(browser.visible(By.id("in-isotretinoinLastDose-error")).getText().isBlank());
        browser.setDate(By.id("in-isotretinoinLastDose"), "");
        browser.click(By.id("in-isotretinoin-NEVER"));
        browser.click(By.id("intake-submit"));
        browser.textAppears(By.id("intake-receipt"), "Intake saved");
        assertTrue(browser.driver.findElements(By.cssSelector("main input[type=radio]")).isEmpty(),
                "the medical answers leave the page once saved");
        browser.click(By.id("intake-again"));
        assertEquals(14, browser.driver.findElements(By.cssSelector("#intake-form input[type=radio]")).size());
        assertTrue(browser.driver.findElements(By.cssSelector("#intake-form input[type=radio]:checked")).isEmpty(),
                "a new questionnaire starts unanswered, not with the saved answers");
        browser.screenshot("05-intake-saved");

        // book microneedling a week ahead: confirmed at once
        browser.click(By.id("intake-book"));
        String firstDay = today.plusDays(7).toString();
        browser.setDate(By.id("book-from"), firstDay);
        browser.click(By.id("find-slots"));
        browser.slotsLoaded();
        WebElement day = browser.clickable(By.cssSelector("#slot-days button[aria-pressed=true]"));
        String microneedlingDay = day.getAttribute("data-day");
        assertEquals("Pacific/Auckland", browser.script("return Intl.DateTimeFormat().resolvedOptions().timeZone"));
        // the API gives clinic-zone offsets (e.g. 2026-12-01T09:00:00+01:00); the page must show that wall time
        WebElement firstSlot = browser.visible(By.cssSelector("#slot-times ul button"));
        String apiStart = firstSlot.getAttribute("data-start");
        assertTrue(firstSlot.getText().startsWith(apiStart.substring(11, 16)),
                "slot " + apiStart + " is shown in the clinic's zone, not the browser's: " + firstSlot.getText());
        // the times are one Tab stop: the arrow keys move between them, Enter chooses
        firstSlot.sendKeys(Keys.ARROW_RIGHT);
        WebElement secondSlot = browser.focused();
        assertNotEquals(apiStart, secondSlot.getAttribute("data-start"), "the right arrow moved on");
        assertEquals("-1", firstSlot.getAttribute("tabindex"));
        assertEquals("0", secondSlot.getAttribute("tabindex"));
        secondSlot.sendKeys(Keys.ARROW_LEFT);
        assertEquals(apiStart, browser.focused().getAttribute("data-start"), "the left arrow moved back");
        browser.focused().sendKeys(Keys.ENTER);
        browser.wait.until(d -> "true".equals(firstSlot.getAttribute("aria-pressed")));
        browser.screenshot("06-book-slot-chosen");
        browser.click(By.id("book-slot"));
        browser.textAppears(By.id("booking-outcome"), "Booked and confirmed");

        // a new intake with an active infection: the receipt warns and names the appointment now on hold,
        // whose page says what to do; a clean intake confirms it again
        browser.driver.get(patientUrl);
        browser.click(By.id("record-intake"));
        answerIntake("NEVER", "no", "no", "yes", "no", "no");
        browser.click(By.id("intake-submit"));
        browser.textAppears(By.id("receipt-title"), "needs attention");
        browser.textAppears(By.id("intake-receipt"), "Microneedling");
        browser.screenshot("06b-intake-puts-on-hold");
        browser.click(By.cssSelector("#intake-receipt li a"));
        browser.textAppears(By.id("appointment-status"), "On hold");
        browser.textAppears(By.cssSelector("main"), "Record a new intake once it has cleared");
        browser.screenshot("06c-on-hold-advice");
        String heldUrl = browser.driver.getCurrentUrl();
        browser.driver.get(patientUrl);
        browser.click(By.id("record-intake"));
        answerIntake("NEVER", "no", "no", "no", "no", "no");
        browser.click(By.id("intake-submit"));
        browser.textAppears(By.id("intake-receipt"), "Intake saved");
        browser.driver.get(heldUrl);
        browser.textAppears(By.id("appointment-status"), "Confirmed");
        browser.driver.get(patientUrl);
        browser.click(By.id("book-for-patient"));

        // microdermabrasion a day or two later, with every free time shown: screening blocks it
        browser.click(By.id("only-eligible"));
        new Select(browser.visible(By.id("book-procedure"))).selectByValue("MICRODERMABRASION");
        browser.setDate(By.id("book-from"), microneedlingDay);
        browser.click(By.id("find-slots"));
        browser.slotsLoaded();
        WebElement nextDay = browser.driver.findElements(By.cssSelector("#slot-days button[data-free]")).stream()
                .filter(b -> b.getAttribute("data-day").compareTo(microneedlingDay) > 0).findFirst().orElseThrow();
        String blockedDay = nextDay.getAttribute("data-day");
        nextDay.click();
        browser.click(By.cssSelector("#slot-times ul button"));
        browser.click(By.id("book-slot"));
        browser.textAppears(By.id("booking-outcome"), "screening blocked this date");
        String earliestText = browser.visible(By.id("earliest-eligible")).getText();
        assertTrue(earliestText.startsWith("Earliest eligible date:"), earliestText);
        assertFalse(browser.visible(By.id("screening-refusal")).findElements(By.cssSelector("ul.reasons li")).isEmpty(),
                "the front-desk-safe reasons are listed");
        assertEquals("book-earliest", browser.focused().getAttribute("id"), "focus goes to the way out");
        browser.screenshotAt(By.id("screening-refusal"), "07-book-blocked");
        browser.assertAccessible("booking refused by screening");

        // one click shows the slots from the earliest eligible date with the first one chosen
        browser.click(By.id("book-earliest"));
        browser.wait.until(d -> "book-slot".equals(browser.focused().getAttribute("id")));
        String earliestDay = browser.visible(By.cssSelector("#slot-days button[aria-pressed=true]")).getAttribute("data-day");
        assertTrue(earliestDay.compareTo(LocalDate.parse(microneedlingDay).plusDays(13).toString()) > 0,
                "earliest day " + earliestDay + " is at least 14 days after " + microneedlingDay + " (blocked: " + blockedDay + ")");
        browser.click(By.id("book-slot"));
        browser.textAppears(By.id("booking-outcome"), "Booked and confirmed");
        browser.screenshot("08-book-earliest-confirmed");

        // the patient's page lists both; the calendar shows the first by room
        browser.driver.get(patientUrl);
        browser.wait.until(d -> d.findElements(By.cssSelector("#patient-appointments tbody tr")).size() == 2);
        browser.go("#/calendar?view=day&by=room&date=" + microneedlingDay);
        browser.textAppears(By.id("cal-summary"), "by room");
        browser.wait.until(d -> d.findElements(By.cssSelector(".appt .patient-name")).stream()
                .anyMatch(e -> e.getText().equals("Hanna Lewandowska")));
        browser.screenshot("09-calendar-day-by-room");
        browser.assertAccessible("day calendar by room");
        browser.go("#/calendar?view=week&by=practitioner&date=" + microneedlingDay);
        browser.wait.until(d -> d.findElements(By.cssSelector(".week-table .appt .patient-name")).stream()
                .anyMatch(e -> e.getText().equals("Hanna Lewandowska")));
        browser.screenshot("10-calendar-week-by-practitioner");
        assertNoSidewaysScroll();
        browser.signOut();
        browser.screenshot("11-signed-out");
    }

    @Test
    void clinicianApprovesAReviewCompletesTheAppointmentAndSeesTheAftercare() throws Exception {
        browser.signIn("frontdesk");
        browser.go("#/patients/new");
        browser.type(By.id("np-firstName"), "Olga");
        browser.type(By.id("np-lastName"), "Mazur");
        browser.type(By.id("np-email"), "ui-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        browser.setDate(By.id("np-dateOfBirth"), "1979-11-02");
        browser.click(By.id("np-submit"));
        browser.textAppears(By.cssSelector("main h1"), "Olga Mazur");
        String patientId = browser.driver.getCurrentUrl().substring(browser.driver.getCurrentUrl().lastIndexOf('/') + 1);
        browser.click(By.id("record-intake"));
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        // a last isotretinoin dose two months ago: screening sends a treatment to a clinician
        answerIntake("STOPPED", "no", "no", "no", "no", "no");
        browser.setDate(By.id("in-isotretinoinLastDose"), today.minusMonths(2).toString());
        browser.click(By.id("intake-submit"));
        browser.textAppears(By.id("intake-receipt"), "Intake saved");
        browser.click(By.id("intake-book"));
        browser.setDate(By.id("book-from"), today.plusDays(8).toString());
        browser.click(By.id("find-slots"));
        browser.slotsLoaded();
        browser.click(By.cssSelector("#slot-times ul button"));
        browser.click(By.id("book-slot"));
        browser.textAppears(By.id("booking-outcome"), "waiting for a clinician’s review");
        browser.screenshot("12-book-pending-review");
        String appointmentHref = browser.visible(By.id("booked-appointment")).getAttribute("href");
        String appointmentId = appointmentHref.substring(appointmentHref.lastIndexOf('/') + 1);
        browser.signOut();

        browser.signIn("clinician");
        assertEquals(List.of("Calendar", "Arrivals", "Patients", "Review queue", "Messages"), navLabels(), "the clinician's menu");
        browser.click(By.linkText("Review queue"));
        By item = By.cssSelector("#review-list button[data-appointment-id='" + appointmentId + "']");
        browser.click(item);
        browser.textAppears(By.id("review-item-title"), "Olga Mazur");
        assertFalse(browser.driver.findElements(By.cssSelector("#review-detail ul.reasons li")).isEmpty(), "the reasons are shown");
        browser.click(By.id("review-submit"));
        browser.textAppears(By.id("review-decision-error"), "Choose approve or deny");
        browser.screenshotAt(By.id("review-item-title"), "13-review-detail");
        browser.assertAccessible("review detail");
        // the patient's intake is recorded again while the clinician reads: a verdict never lands on the
        // decision the re-screen replaced, and the clinician is led to the current one
        java.util.Map<String, Object> sameAnswers = new java.util.HashMap<>(IntakeAnswers.clean());
        sameAnswers.put("isotretinoin", "STOPPED");
        sameAnswers.put("isotretinoinLastDose", today.minusMonths(2).toString());
        io.restassured.RestAssured.given().baseUri(baseUrl).auth().preemptive().basic("frontdesk", "frontdesk")
                .contentType(io.restassured.http.ContentType.JSON).body(sameAnswers)
                .put("/api/patients/" + patientId + "/intake").then().statusCode(200);
        browser.click(By.id("review-approve"));
        browser.type(By.id("review-reason"), "Washout nearly complete.");
        browser.click(By.id("review-submit"));
        browser.textAppears(By.id("review-result"), "moved or screened again meanwhile");
        browser.click(By.id("review-current"));
        browser.textAppears(By.id("appointment-status"), "Waiting for review");
        browser.click(By.linkText("Review queue"));
        browser.click(item);
        browser.textAppears(By.id("review-item-title"), "Olga Mazur");
        browser.click(By.id("review-approve"));
        browser.type(By.id("review-reason"), "Washout nearly complete; discussed with the patient.");
        browser.click(By.id("review-submit"));
        browser.textAppears(By.id("flash"), "Approved: the appointment is confirmed");
        browser.wait.until(ExpectedConditions.invisibilityOfElementLocated(item));
        browser.screenshot("14-review-approved");
        browser.signOut();

        // the desk about to move the approved appointment is told the approval stays with the old time, and steps back
        browser.signIn("frontdesk");
        browser.go("#/appointments/" + appointmentId);
        browser.textAppears(By.id("appointment-status"), "Confirmed");
        browser.click(By.id("action-reschedule"));
        browser.slotsLoaded();
        browser.click(By.cssSelector("#slot-times ul button"));
        browser.click(By.id("reschedule-confirm"));
        browser.textAppears(By.id("reschedule-approval"), "approval was for the current time and does not move with it");
        browser.screenshot("14a-reschedule-approved-warning");
        browser.click(By.id("confirm-no"));
        browser.textAppears(By.id("appointment-status"), "Confirmed");
        browser.signOut();
        browser.signIn("clinician");

        // find the patient by name, then the appointment from the patient's page
        browser.click(By.linkText("Patients"));
        browser.type(By.id("patient-query"), "Mazur");
        browser.click(By.id("patient-search"));
        browser.textAppears(By.cssSelector("#patient-results caption"), "found for “Mazur”");
        browser.screenshot("14b-patient-search");
        browser.click(By.cssSelector("#patient-results a[href$='" + patientId + "']"));
        browser.click(By.cssSelector("#patient-appointments a[href$='" + appointmentId + "']"));
        browser.textAppears(By.id("appointment-status"), "Confirmed");
        // the reasons of the reviewed decision read as what the clinician was asked, above the approval
        browser.textAppears(By.id("screening-review-asked"), "Screening asked a clinician to review this appointment because");
        assertTrue(browser.driver.findElements(By.id("action-no-show")).isEmpty(), "a clinician is not offered no-show");
        assertTrue(browser.driver.findElements(By.id("action-reschedule")).isEmpty(), "a clinician is not offered reschedule");
        assertTrue(browser.driver.findElements(By.id("action-check-in")).isEmpty(), "no check-in days before the appointment");
        // the day comes
        TestAppointments.startNow(stack, appointmentId);
        browser.driver.navigate().refresh();
        browser.textAppears(By.id("appointment-status"), "Confirmed");
        browser.click(By.id("action-check-in"));
        browser.textAppears(By.id("appointment-status"), "Checked in");
        browser.click(By.id("action-complete"));
        browser.click(By.id("confirm-yes"));
        browser.textAppears(By.id("appointment-status"), "Completed");
        browser.textAppears(By.id("flash"), "aftercare is planned");
        // content-service plans the aftercare when the completion event arrives over Kafka; the page
        // follows the messages after a change by itself, with no Refresh clicked
        new WebDriverWait(browser.driver, Duration.ofSeconds(60), Duration.ofMillis(500))
                .until(d -> !d.findElements(By.cssSelector("#messages-table tr[data-kind=AFTERCARE]")).isEmpty());
        assertFalse(browser.driver.findElements(By.cssSelector("#messages-table tr[data-kind=CONFIRMATION]")).isEmpty(),
                "the confirmation is listed too");
        browser.screenshotAt(By.id("messages-title"), "15-appointment-completed-aftercare");
        browser.assertAccessible("completed appointment with its messages");
    }

    @Test
    void frontDeskIsToldAnIntakeIsMissingReschedulesCancelsWithAReasonAndMarksANoShow() throws Exception {
        browser.signIn("frontdesk");
        browser.go("#/patients/new");
        browser.type(By.id("np-firstName"), "Zofia");
        browser.type(By.id("np-lastName"), "Wojcik");
        browser.type(By.id("np-email"), "ui-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        browser.setDate(By.id("np-dateOfBirth"), "1995-07-21");
        browser.click(By.id("np-submit"));
        browser.click(By.id("book-for-patient"));
        String from = LocalDate.now(CLINIC_ZONE).plusDays(9).toString();

        // a treatment without an intake: every day says so, with the way to record it
        browser.setDate(By.id("book-from"), from);
        browser.click(By.id("find-slots"));
        browser.click(By.cssSelector("#slot-days button[data-blocked=NEEDS_INTAKE]"));
        browser.textAppears(By.id("slot-day-reason"), "intake is needed");
        assertEquals("go-intake", browser.focused().getAttribute("id"));
        browser.screenshotAt(By.id("slot-day-reason"), "20-book-needs-intake");

        // a consultation needs no intake: booked, then moved to another day
        new Select(browser.visible(By.id("book-procedure"))).selectByValue("CONSULTATION");
        browser.slotsLoaded();
        browser.click(By.cssSelector("#slot-times ul button"));
        browser.click(By.id("book-slot"));
        browser.textAppears(By.id("booking-outcome"), "Booked and confirmed");
        browser.click(By.id("booked-appointment"));
        browser.textAppears(By.id("appointment-status"), "Confirmed");
        String before = browser.visible(By.cssSelector("main h1")).getText();
        browser.click(By.id("action-reschedule"));
        browser.slotsLoaded();
        List<WebElement> days = browser.driver.findElements(By.cssSelector("#slot-days button[data-free]"));
        days.get(days.size() - 1).click();
        browser.click(By.cssSelector("#slot-times ul button"));
        browser.screenshotAt(By.id("reschedule-area"), "21-reschedule");
        browser.assertAccessible("reschedule picker");
        browser.click(By.id("reschedule-confirm"));
        browser.click(By.id("confirm-yes"));
        browser.textAppears(By.id("flash"), "Appointment moved");
        browser.wait.until(d -> !d.findElement(By.cssSelector("main h1")).getText().equals(before));

        // cancelling needs a reason
        browser.click(By.id("action-cancel"));
        browser.textAppears(By.id("cancel-reason-error"), "Choose why");
        new Select(browser.visible(By.id("cancel-reason"))).selectByValue("PATIENT_REQUEST");
        // cancelling e-mails the patient and cannot be undone: the desk is asked first, and can step back
        browser.click(By.id("action-cancel"));
        browser.click(By.id("confirm-no"));
        browser.textAppears(By.id("appointment-status"), "Confirmed");
        browser.click(By.id("action-cancel"));
        browser.screenshot("22a-cancel-confirmation");
        browser.click(By.id("confirm-yes"));
        browser.textAppears(By.id("appointment-status"), "Cancelled");
        browser.textAppears(By.cssSelector("main dl.facts"), "Patient asked to cancel");
        assertTrue(browser.driver.findElements(By.id("action-cancel")).isEmpty(), "a cancelled appointment offers no more actions");
        // the cancellation e-mail is listed once content-service has planned it, without a reload
        new WebDriverWait(browser.driver, Duration.ofSeconds(60), Duration.ofMillis(500))
                .until(d -> !d.findElements(By.cssSelector("#messages-table tr[data-kind=CANCELLATION]")).isEmpty());
        browser.screenshot("22-cancelled");

        // another consultation: the patient does not come
        browser.click(By.cssSelector("main dl.facts a"));
        browser.click(By.id("book-for-patient"));
        new Select(browser.visible(By.id("book-procedure"))).selectByValue("CONSULTATION");
        browser.slotsLoaded();
        browser.click(By.cssSelector("#slot-times ul button"));
        browser.click(By.id("book-slot"));
        String noShowHref = browser.visible(By.id("booked-appointment")).getAttribute("href");
        browser.click(By.id("booked-appointment"));
        browser.textAppears(By.id("appointment-status"), "Confirmed");
        assertTrue(browser.driver.findElements(By.id("action-no-show")).isEmpty(), "no no-show before the appointment starts");
        TestAppointments.startNow(stack, noShowHref.substring(noShowHref.lastIndexOf('/') + 1));
        browser.driver.navigate().refresh();
        browser.textAppears(By.id("appointment-status"), "Confirmed");
        assertTrue(browser.driver.findElements(By.id("action-complete")).isEmpty(), "the front desk is not offered complete");
        browser.click(By.id("action-no-show"));
        browser.click(By.id("confirm-yes"));
        browser.textAppears(By.id("appointment-status"), "No-show");
    }

    @Test
    void signInIsKeyboardOperableAndEachRoleIsOfferedOnlyWhatItMayDo() throws Exception {
        browser.go("#/calendar");
        browser.visible(By.id("signin-form"));
        browser.visible(By.id("demo-users-title"));
        browser.screenshot("16-sign-in");
        browser.assertAccessible("sign-in");
        assertEquals("signin-username", browser.focused().getAttribute("id"), "the sign-in form starts in the user name");

        // wrong password: a plain error, still signed out
        browser.focused().sendKeys("admin");
        browser.focused().sendKeys(Keys.TAB);
        browser.focused().sendKeys("wrong", Keys.ENTER);
        browser.textAppears(By.id("signin-result"), "not right");
        assertEquals("signin-password", browser.focused().getAttribute("id"));

        browser.focused().sendKeys("admin", Keys.ENTER);
        browser.textAppears(By.id("session-user"), "Signed in as admin");
        assertEquals(List.of("Calendar", "Patients", "Catalog", "Closures", "Safety policy", "Screening audit", "Messages"), navLabels(),
                "the admin's menu");

        // after a page load the skip link is the first stop, visibly focused, and leads to the heading
        browser.driver.navigate().refresh();
        browser.visible(By.id("cal-summary"));
        // from the top of the page, as after a load: headless Chromium 150 does not always give the
        // reloaded page key focus at once (a TAB then went nowhere, or on from an element it had focused)
        browser.wait.until(d -> Boolean.TRUE.equals(browser.script("return document.readyState === 'complete'")));
        browser.script("document.body.tabIndex = -1; document.body.focus(); document.body.removeAttribute('tabindex');");
        new Actions(browser.driver).sendKeys(Keys.TAB).perform();
        WebElement skip = browser.focused();
        assertEquals("Skip to main content", skip.getText());
        assertNotEquals("none", skip.getCssValue("outline-style"), "focus is visible");
        skip.sendKeys(Keys.ENTER);
        assertEquals("Calendar", browser.focused().getText(), "the skip link moves focus to the page heading");

        browser.click(By.linkText("Catalog"));
        browser.wait.until(d -> d.findElements(By.cssSelector("#catalog-procedures tbody tr")).size() == 3);
        assertEquals(2, browser.driver.findElements(By.cssSelector("#catalog-rooms tbody tr")).size());
        browser.screenshot("17-catalog-admin");
        browser.go("#/book");
        browser.textAppears(By.cssSelector("main h1"), "Not available");

        // portrait tablet: nothing scrolls sideways except the calendar's own region
        browser.driver.manage().window().setSize(new Dimension(768, 1024));
        browser.go("#/calendar?view=week&by=room");
        browser.visible(By.cssSelector(".week-table"));
        assertNoSidewaysScroll();
        browser.screenshot("18-calendar-week-portrait");
        browser.go("#/catalog");
        browser.visible(By.id("catalog-practitioners"));
        assertNoSidewaysScroll();
        browser.screenshot("19-catalog-portrait");
        browser.assertAccessible("catalog at portrait tablet size");
    }

    @Test
    void theAdminChangesThePolicyAndAuditsAPatientsScreenings() throws Exception {
        // a patient with a screening decision and a confirmation, made as the front desk
        browser.signIn("frontdesk");
        String email = "ui-admin-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        browser.click(By.linkText("Patients"));
        browser.click(By.id("new-patient"));
        browser.type(By.id("np-firstName"), "Alicja");
        browser.type(By.id("np-lastName"), "Audytowa");
        browser.type(By.id("np-email"), email);
        browser.setDate(By.id("np-dateOfBirth"), "1985-07-07");
        browser.click(By.id("np-submit"));
        browser.textAppears(By.id("flash"), "Patient registered");
        browser.click(By.id("record-intake"));
        answerIntake("NEVER", "no", "no", "no", "no", "no");
        browser.click(By.id("intake-submit"));
        browser.textAppears(By.id("intake-receipt"), "Intake saved");
        browser.click(By.id("intake-book"));
        browser.setDate(By.id("book-from"), LocalDate.now(CLINIC_ZONE).plusDays(30).toString());
        browser.click(By.id("find-slots"));
        browser.slotsLoaded();
        browser.click(By.cssSelector("#slot-times button"));
        browser.click(By.id("book-slot"));
        browser.textAppears(By.id("booking-outcome"), "Booked and confirmed");
        browser.signOut();

        browser.signIn("admin");
        // the policy, from screening-service through booking: a new version with a note
        browser.click(By.linkText("Safety policy"));
        String before = browser.visible(By.id("policy-version")).getText();
        assertFalse(browser.driver.findElements(By.cssSelector("#policy-intervals tbody tr")).isEmpty(), "the interval matrix");
        browser.type(By.id("policy-note"), "checked by the UI test");
        browser.click(By.id("policy-save"));
        browser.click(By.id("confirm-yes"));
        browser.textAppears(By.id("flash"), "saved");
        browser.wait.until(d -> !d.findElement(By.id("policy-version")).getText().equals(before));
        browser.textAppears(By.id("policy-versions"), "checked by the UI test");
        browser.screenshot("30-admin-policy");
        // a number out of range, an emptied box (never taken as 0) and a missing note are marked at their fields
        // before anything is asked or sent, and nothing is saved
        String saved = browser.visible(By.id("policy-version")).getText();
        browser.type(By.id("policy-washout"), "-1");
        browser.type(By.id("policy-validity"), "");
        browser.click(By.id("policy-save"));
        browser.textAppears(By.id("policy-result"), "Please correct the marked fields");
        assertTrue(browser.driver.findElements(By.id("confirm-dialog")).isEmpty(), "no confirmation asked for a form that cannot be saved");
        assertFalse(browser.visible(By.id("policy-washout-error")).getText().isBlank(), "the washout field says what is wrong");
        assertFalse(browser.visible(By.id("policy-validity-error")).getText().isBlank(), "the emptied field says what is wrong");
        assertFalse(browser.visible(By.id("policy-note-error")).getText().isBlank(), "the missing note is asked for");
        assertEquals(saved, browser.visible(By.id("policy-version")).getText(), "no new version");

        // the screening audit: who decided what and when, without medical detail
        browser.click(By.linkText("Screening audit"));
        browser.type(By.id("audit-query"), "Audytowa");
        browser.click(By.cssSelector("#audit-search button"));
        browser.click(By.partialLinkText("Alicja Audytowa"));
        browser.wait.until(d -> !d.findElements(By.cssSelector("#audit-trail tbody tr")).isEmpty());
        String trail = browser.visible(By.id("audit-trail")).getText();
        assertTrue(trail.contains("frontdesk") && trail.contains("Cleared"), trail);
        browser.screenshot("31-admin-screening-audit");
        browser.assertAccessible("screening audit");
    }

    @Test
    void frontDeskSendsAFailedMessageAgainClosesAnotherWithANoteAndOptsAPatientBackIn() throws Exception {
        assumeTrue(stack != null, "needs the clinic's own databases to stage failed messages");
        // two confirmed bookings whose confirmations then count as undelivered, as after a long SMTP outage
        String first = bookConsultation("Wera", 70);
        String second = bookConsultation("Tamara", 71);
        String optedOut = patientOf(first);
        content("UPDATE outbound_message SET status = 'DROPPED', last_error = 'not delivered before its deadline', "
                + "updated_at = now() WHERE kind = 'CONFIRMATION' AND appointment_id IN (?::uuid, ?::uuid)", first, second);
        // the first patient stopped reminders with the link in an e-mail
        String link = contentValue("SELECT unsubscribe_url FROM outbound_message WHERE kind = 'REMINDER' AND appointment_id = ?::uuid",
                first);
        io.restassured.RestAssured.given().baseUri(baseUrl).contentType(io.restassured.http.ContentType.URLENC)
                .formParam("token", link.substring(link.indexOf("token=") + 6)).post("/opt-out").then().statusCode(200);

        browser.signIn("frontdesk");
        browser.click(By.linkText("Messages"));
        browser.textAppears(By.cssSelector("main h1"), "Messages");
        By firstRow = By.cssSelector("#attention-table tr[data-message-id='" + messageId(first) + "']");
        By secondRow = By.cssSelector("#attention-table tr[data-message-id='" + messageId(second) + "']");
        browser.textAppears(firstRow, "Wera");
        browser.textAppears(secondRow, "Not delivered in time");
        browser.textAppears(By.id("opt-out-list"), "Wera");
        browser.screenshot("20-messages-attention");

        // send the first again: it goes out with the same Message-ID and leaves the list
        // by selector, waiting for it: the list may be drawn again at any moment (a refresh, a live update)
        browser.click(By.cssSelector("#attention-table tr[data-message-id='" + messageId(first) + "'] button[data-action=resend]"));
        browser.textAppears(By.id("flash"), "Sent again");
        browser.wait.until(d -> "SENT".equals(contentValue(
                "SELECT status FROM outbound_message WHERE kind = 'CONFIRMATION' AND appointment_id = ?::uuid", first)));
        browser.click(By.id("refresh-attention"));
        browser.wait.until(d -> d.findElements(firstRow).isEmpty());

        // close the second: a note is required
        browser.click(By.cssSelector("#attention-table tr[data-message-id='" + messageId(second) + "'] button[data-action=close]"));
        WebElement form = browser.visible(By.cssSelector(".close-form"));
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.wait.until(d -> "true".equals(form.findElement(By.cssSelector("input")).getAttribute("aria-invalid")));
        assertEquals(form.findElement(By.cssSelector("input")).getAttribute("id"), browser.focused().getAttribute("id"));
        browser.screenshot("21-messages-close-needs-a-note");
        form.findElement(By.cssSelector("input")).sendKeys("Phoned the patient; confirmed the time");
        form.findElement(By.cssSelector("button[type=submit]")).click();
        browser.textAppears(By.id("flash"), "Closed");
        browser.wait.until(d -> d.findElements(secondRow).isEmpty());
        assertEquals("CLOSED", contentValue("SELECT status FROM outbound_message WHERE kind = 'CONFIRMATION' AND appointment_id = ?::uuid",
                second));

        // the patient asked for reminders again
        browser.click(By.cssSelector("#opt-out-list li[data-opted-out='" + optedOut + "'] button[data-action=opt-in]"));
        browser.textAppears(By.id("flash"), "Opted back in");
        browser.wait.until(d -> d.findElements(By.cssSelector("#opt-out-list li[data-opted-out='" + optedOut + "']")).isEmpty());

        // a clinician sees the screen but is offered nothing to do
        browser.signOut();
        browser.signIn("clinician");
        browser.go("#/messages");
        browser.textAppears(By.cssSelector("main h1"), "Messages");
        browser.visible(By.id("opt-outs-title"));
        assertTrue(browser.driver.findElements(By.cssSelector("main button[data-action]")).isEmpty(),
                "a clinician may look but not act");
    }

    /** A new patient with a clean intake and a confirmed consultation {@code days} ahead; answers the appointment id. */
    private String bookConsultation(String firstName, int days) {
        var api = io.restassured.RestAssured.given().baseUri(baseUrl).auth().preemptive().basic("frontdesk", "frontdesk")
                .contentType(io.restassured.http.ContentType.JSON);
        String patient = api.body(java.util.Map.of("firstName", firstName, "lastName", "Messages", "email",
                "ui-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "dateOfBirth", "1985-04-04"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        io.restassured.RestAssured.given().baseUri(baseUrl).auth().preemptive().basic("frontdesk", "frontdesk")
                .contentType(io.restassured.http.ContentType.JSON)
                .body(IntakeAnswers.clean())
                .put("/api/patients/" + patient + "/intake").then().statusCode(200);
        String start = io.restassured.RestAssured.given().baseUri(baseUrl).auth().preemptive().basic("frontdesk", "frontdesk")
                .queryParams("procedure", "CONSULTATION", "from", today.plusDays(days).toString(),
                        "to", today.plusDays(days + 7).toString())
                .get("/api/availability").then().statusCode(200).extract().path("[0].start");
        String appointment = io.restassured.RestAssured.given().baseUri(baseUrl).auth().preemptive().basic("frontdesk", "frontdesk")
                .contentType(io.restassured.http.ContentType.JSON)
                .body(java.util.Map.of("patientId", patient, "procedure", "CONSULTATION", "start", start))
                .post("/api/appointments").then().statusCode(201).extract().path("id");
        browserWaitUntil(() -> "SENT".equals(contentValue(
                "SELECT status FROM outbound_message WHERE kind = 'CONFIRMATION' AND appointment_id = ?::uuid", appointment)));
        return appointment;
    }

    private static String patientOf(String appointment) {
        return contentValue("SELECT patient_id::text FROM appointment WHERE appointment_id = ?::uuid", appointment);
    }

    private static String messageId(String appointment) {
        return contentValue("SELECT id::text FROM outbound_message WHERE kind = 'CONFIRMATION' AND appointment_id = ?::uuid",
                appointment);
    }

    private static void browserWaitUntil(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(60)).until(condition);
    }

    private static String contentValue(String sql, String... params) {
        return ContentDatabase.value(stack, sql, params);
    }

    private static void content(String sql, String... params) {
        ContentDatabase.update(stack, sql, params);
    }

    private void answerIntake(String isotretinoin, String... yesNo) {
        browser.click(By.id("in-isotretinoin-" + isotretinoin));
        String[] questions = { "bloodThinners", "keloidOrHypertrophicScarring", "activeInfectionOrInflammation",
                "activeAcne", "autoimmuneCondition" };
        for (int i = 0; i < questions.length; i++) {
            browser.click(By.id("in-" + questions[i] + "-" + yesNo[i]));
        }
    }

    private List<String> navLabels() {
        return browser.driver.findElements(By.cssSelector("#nav-list a")).stream().map(WebElement::getText).toList();
    }

    private void assertNoSidewaysScroll() {
        Object overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "the page scrolls sideways at this size");
    }
}
