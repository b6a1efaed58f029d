package clinic.local.stack.ui;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.Select;

import clinic.local.stack.ClinicStack;
import clinic.local.stack.Inbox;
import clinic.local.stack.IntakeAnswers;
import clinic.local.stack.TestAppointments;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A clinic day driven in Chromium: today's arrivals with check-in and undo, the live calendar in
 * one request per screen, booking that explains the days a patient cannot have, moving that keeps
 * the practitioner, a patient answering the intake from the e-mailed link on a phone, an admin
 * closing the clinic for a holiday, search, dates in the clinic's format and one session across
 * tabs. Each flow at desktop and tablet size, with axe-core finding no serious or critical
 * violation; screenshots land in target/ui-screenshots; any JavaScript error fails the test.
 */
class ClinicDayUiTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Warsaw");
    private static final DateTimeFormatter CLINIC_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
    private static final Dimension DESKTOP = new Dimension(1280, 800);
    private static final Dimension TABLET = new Dimension(768, 1024);
    private static String baseUrl;
    private static ClinicStack stack;
    private final List<Browser> browsers = new java.util.ArrayList<>();

    @BeforeAll
    static void startTheClinic() throws Exception {
        Browser.assumeInstalled();
        baseUrl = UiClinic.baseUrl();
        stack = UiClinic.stack();
    }

    @AfterEach
    void noJavascriptErrorsAndCloseBrowsers(TestInfo test) {
        try {
            for (Browser browser : browsers) {
                List<String> errors = browser.javascriptErrors();
                assertTrue(errors.isEmpty(), "JavaScript errors in the browser log during " + test.getDisplayName() + ": " + errors);
            }
        } finally {
            browsers.forEach(Browser::close);
        }
    }

    private Browser open(Dimension size) throws Exception {
        Browser browser = Browser.open(baseUrl, size.width, size.height);
        browsers.add(browser);
        return browser;
    }

    // ---- data set up through the API, as another desk would ----

    private static RequestSpecification as(String user) {
        return given().baseUri(baseUrl).auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static String patient(String first, String last, String phone) {
        Map<String, Object> body = new HashMap<>(Map.of("firstName", first, "lastName", last,
                "email", "ui-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "dateOfBirth", "1990-06-15"));
        if (phone != null) {
            body.put("phone", phone);
        }
        return as("frontdesk").body(body).post("/api/patients").then().statusCode(201).extract().path("id");
    }

    private static void cleanIntake(String patientId) {
        as("frontdesk").body(IntakeAnswers.clean()).put("/api/patients/" + patientId + "/intake").then().statusCode(200);
    }

    /** Books the first free time of the procedure from the day on; answers {id, start, practitionerId}. */
    private static Map<String, Object> book(String patientId, String procedure, LocalDate from) {
        Map<String, Object> slot = as("frontdesk").get("/api/availability?procedure=" + procedure + "&from=" + from + "&to="
                + from.plusDays(13) + "&patientId=" + patientId).then().statusCode(200).extract().path("[0]");
        return as("frontdesk").body(Map.of("patientId", patientId, "procedure", procedure, "start", slot.get("start"),
                "practitionerId", slot.get("practitionerId"), "roomId", slot.get("roomId")))
                .post("/api/appointments").then().statusCode(201).extract().as(Map.class);
    }

    private static String status(String appointmentId) {
        return as("frontdesk").get("/api/appointments/" + appointmentId).then().statusCode(200).extract().path("status");
    }

    // ---- the flows ----

    @Test
    void theFrontDeskChecksInTodaysArrivalsWithUndoOnALiveCalendarThatLoadsAWeekInOneRequest() throws Exception {
        assumeTrue(stack != null, "needs the clinic the tests start (appointments are moved to today in its database)");
        String tag = tag();
        String first = patient("Arrival", "One" + tag, "+48 600 100 " + (100 + Math.abs(tag.hashCode() % 900)));
        String second = patient("Arrival", "Two" + tag, null);
        String firstVisit = (String) book(first, "CONSULTATION", LocalDate.now(CLINIC_ZONE).plusDays(3)).get("id");
        String secondVisit = (String) book(second, "CONSULTATION", LocalDate.now(CLINIC_ZONE).plusDays(3)).get("id");
        TestAppointments.startNow(stack, firstVisit);
        TestAppointments.startNow(stack, secondVisit);

        Browser browser = open(DESKTOP);
        browser.signIn("frontdesk");
        browser.click(By.linkText("Arrivals"));
        browser.visible(By.cssSelector("#arrivals-table tr[data-appointment-id='" + firstVisit + "']"));
        browser.visible(By.cssSelector("#arrivals-table tr[data-appointment-id='" + secondVisit + "']"));
        browser.assertAccessible("today's arrivals");
        browser.screenshot("30-arrivals-today");

        // check-in sends nothing, so it waits five seconds for an Undo instead of asking first
        browser.click(By.id("check-in-" + firstVisit));
        browser.visible(By.id("undo-button"));
        browser.screenshot("31-arrivals-check-in-undo-window");
        browser.textAppears(By.cssSelector("#arrivals-table tr[data-appointment-id='" + firstVisit + "']"), "Checked in");
        assertEquals("CHECKED_IN", status(firstVisit));
        browser.click(By.id("check-in-" + secondVisit));
        browser.click(By.id("undo-button"));
        browser.textAppears(By.id("undo-region"), "Undone");
        await().during(Duration.ofSeconds(7)).atMost(Duration.ofSeconds(9)).until(() -> "CONFIRMED".equals(status(secondVisit)));

        browser.printMedia(true);
        assertEquals("none", browser.driver.findElement(By.id("app-header")).getCssValue("display"), "the printed list has no menu");
        browser.screenshot("32-arrivals-print");
        browser.printMedia(false);

        // the day calendar: name, procedure and status on every card, even a short one
        browser.go("#/calendar");
        WebElement card = browser.visible(By.cssSelector(".appt[data-appointment-id='" + secondVisit + "']"));
        assertTrue(card.findElement(By.cssSelector(".appt-name")).isDisplayed(), "the name is shown");
        assertEquals("Arrival Two" + tag, card.findElement(By.cssSelector(".appt-name")).getText());
        assertTrue(card.findElement(By.cssSelector(".status")).isDisplayed(), "the status is shown");
        assertTrue(card.getText().contains("Consultation"), card.getText());
        browser.assertAccessible("day calendar");
        browser.screenshot("33-calendar-day-today");
        // on a phone the practitioners' columns scroll sideways under the hours, which stay in view
        browser.driver.manage().window().setSize(new Dimension(390, 844));
        browser.go("#/calendar");
        browser.visible(By.cssSelector(".appt[data-appointment-id='" + secondVisit + "']"));
        browser.script("document.querySelector('.day-grid-scroll').scrollLeft = 200");
        assertTrue((Boolean) browser.script("const hours = document.querySelector('.time-axis').getBoundingClientRect();"
                + " return hours.left >= document.querySelector('.day-grid-scroll').getBoundingClientRect().left - 1"),
                "the hours stay in view when the columns scroll sideways");
        browser.screenshot("33b-calendar-day-phone");
        browser.driver.manage().window().setSize(DESKTOP);

        // another desk books: the card appears without a reload
        String third = patient("Arrival", "Three" + tag, null);
        String thirdVisit = (String) book(third, "CONSULTATION", LocalDate.now(CLINIC_ZONE).plusDays(4)).get("id");
        TestAppointments.startNow(stack, thirdVisit);
        browser.textAppears(By.cssSelector(".appt[data-appointment-id='" + thirdVisit + "']"), "Arrival Three" + tag);

        // a week with every name, in one calendar request and no request per card (a fresh page load)
        browser.driver.get("about:blank");
        browser.driver.get(baseUrl + "/#/calendar?view=week&by=practitioner");
        browser.textAppears(By.cssSelector(".week-table"), "Arrival Two" + tag);
        assertEquals(1, browser.apiRequests("/api/calendar"), "one calendar request for the week");
        assertEquals(0, browser.apiRequests("/api/patients"), "no request per patient");
        assertTrue(browser.apiRequests("/api/") <= 8, "a bounded number of API requests: " + browser.apiRequests("/api/"));
        // a day of a week is narrow: a card's name, time and room wrap rather than being cut
        assertEquals(0L, ((Number) browser.script("return [...document.querySelectorAll('.week-table .appt > strong,"
                + " .week-table .appt > .appt-when')].filter((e) => e.scrollWidth > e.clientWidth + 1).length")).longValue(),
                "no name, time or room cut in a week's card");
        browser.screenshot("34-calendar-week");

        // filter by practitioner: only that practitioner's cards
        String practitioner = as("frontdesk").get("/api/appointments/" + secondVisit).then().extract().path("practitionerId");
        new Select(browser.visible(By.id("cal-practitioner"))).selectByValue(practitioner);
        browser.wait.until(d -> d.getCurrentUrl().contains("practitioner=" + practitioner));
        browser.visible(By.cssSelector(".appt[data-appointment-id='" + secondVisit + "']"));
        browser.printMedia(true);
        browser.screenshot("35-calendar-week-print");
        browser.printMedia(false);

        browser.driver.manage().window().setSize(TABLET);
        browser.go("#/arrivals");
        browser.visible(By.id("arrivals-table"));
        browser.assertAccessible("arrivals at tablet size");
        assertNoSidewaysScroll(browser);
        browser.screenshot("36-arrivals-tablet");
        browser.go("#/calendar");
        browser.visible(By.cssSelector(".appt[data-appointment-id='" + secondVisit + "']"));
        browser.assertAccessible("day calendar at tablet size");
        assertNoSidewaysScroll(browser);
        browser.screenshot("37-calendar-day-tablet");
    }

    @Test
    void bookingSaysWhyADayIsNotForThisPatientAndMovingKeepsThePractitioner() throws Exception {
        String patientId = patient("Picker", "Test" + tag(), null);
        cleanIntake(patientId);
        Map<String, Object> microneedling = book(patientId, "MICRONEEDLING", LocalDate.now(CLINIC_ZONE).plusDays(10));
        LocalDate treated = java.time.OffsetDateTime.parse((String) microneedling.get("start")).atZoneSameInstant(CLINIC_ZONE).toLocalDate();

        Browser browser = open(DESKTOP);
        browser.signIn("frontdesk");
        browser.go("#/book?patientId=" + patientId + "&procedure=MICRODERMABRASION&from=" + treated);
        // the days the interval rules take away say so, and lead to the first day that is possible
        browser.click(By.cssSelector("#slot-days button[data-blocked]"));
        browser.textAppears(By.id("slot-day-reason"), "too close to another treatment");
        String earliest = browser.visible(By.id("slot-earliest-date")).getText();
        assertFalse(earliest.isBlank());
        browser.assertAccessible("booking, a day the patient cannot have");
        browser.screenshotAt(By.id("slot-day-reason"), "40-book-day-not-for-this-patient");
        browser.click(By.id("slot-earliest"));
        browser.wait.until(d -> !d.findElements(By.cssSelector("#slot-times button[aria-pressed=true]")).isEmpty());
        String chosenDay = browser.visible(By.cssSelector("#slot-days button[aria-pressed=true]")).getAttribute("data-day");
        assertTrue(chosenDay.compareTo(treated.plusDays(13).toString()) > 0, chosenDay + " is 14 days or more after " + treated);
        // one practitioner's times at a time
        assertTrue(((Number) browser.script("return performance.getEntriesByType('resource').filter(e => e.name.includes('/api/availability?')"
                + " && !e.name.includes('practitionerId=')).length")).intValue() == 0, "every availability request names the practitioner");
        browser.click(By.id("book-slot"));
        browser.textAppears(By.id("booking-outcome"), "Booked and confirmed");
        String href = browser.visible(By.id("booked-appointment")).getAttribute("href");
        String booked = href.substring(href.lastIndexOf('/') + 1);
        String practitioner = as("frontdesk").get("/api/appointments/" + booked).then().extract().path("practitionerId");

        // moving it: the same practitioner unless the desk chooses another, and a confirmation that says so
        browser.click(By.id("booked-appointment"));
        browser.click(By.id("action-reschedule"));
        browser.slotsLoaded();
        assertEquals(practitioner, new Select(browser.visible(By.id("slot-practitioner"))).getFirstSelectedOption().getAttribute("value"));
        List<WebElement> free = browser.driver.findElements(By.cssSelector("#slot-days button[data-free]"));
        free.get(free.size() - 1).click();
        browser.click(By.cssSelector("#slot-times ul button"));
        browser.click(By.id("reschedule-confirm"));
        WebElement dialog = browser.visible(By.id("confirm-dialog"));
        assertFalse(dialog.getText().contains("another practitioner"), dialog.getText());
        browser.assertAccessible("move confirmation");
        browser.screenshot("41-move-confirmation");
        browser.click(By.id("confirm-yes"));
        browser.textAppears(By.id("flash"), "Appointment moved");
        assertEquals(practitioner, as("frontdesk").get("/api/appointments/" + booked).then().extract().path("practitionerId"));

        browser.driver.manage().window().setSize(TABLET);
        browser.go("#/book?patientId=" + patientId + "&procedure=MICRONEEDLING&from=" + treated);
        browser.visible(By.cssSelector("#slot-days button[data-blocked]"));
        browser.assertAccessible("booking at tablet size");
        assertNoSidewaysScroll(browser);
        browser.screenshot("42-book-tablet");
    }

    @Test
    void aPatientAnswersTheIntakeFromTheEmailedLinkOnAPhoneAndTheDeskSeesItReceived() throws Exception {
        assumeTrue(stack != null, "needs the clinic's own mail sink");
        String email = "intake-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String patientId = as("frontdesk").body(Map.of("firstName", "Irena", "lastName", "Link" + tag(), "email", email,
                "dateOfBirth", "1984-02-29")).post("/api/patients").then().statusCode(201).extract().path("id");

        Browser desk = open(DESKTOP);
        desk.signIn("frontdesk");
        desk.go("#/patients/" + patientId);
        desk.textAppears(By.id("intake-state"), "No intake on file");
        desk.click(By.id("send-intake-link"));
        desk.visible(By.id("confirm-dialog"));
        desk.assertAccessible("send the intake link");
        desk.click(By.id("confirm-yes"));
        desk.textAppears(By.id("flash"), "Intake link sent");
        desk.textAppears(By.id("intake-invitation"), "Waiting for the patient");
        desk.screenshot("50-patient-intake-link-sent");

        await().atMost(Duration.ofSeconds(60)).until(() -> !Inbox.bodies(stack.settings().imapPort(), email).isEmpty());
        String body = String.join("\n", Inbox.bodies(stack.settings().imapPort(), email));
        Matcher link = Pattern.compile("http://localhost:\\d+/intake/#\\S+").matcher(body);
        assertTrue(link.find(), body);
        String url = link.group().replaceAll("[\"<>].*$", "");

        Browser phone = open(new Dimension(390, 844));
        phone.driver.get(url);
        phone.visible(By.id("intake-form"));
        phone.textAppears(By.id("clinic-name"), "Clinic");
        phone.assertAccessible("the patient's intake page");
        phone.screenshot("51-patient-intake-phone");
        phone.click(By.id("send"));
        phone.textAppears(By.id("q-isotretinoin-error"), "Please choose");
        phone.screenshot("52-patient-intake-unanswered");
        phone.click(By.id("isotretinoin-NEVER"));
        for (String question : List.of("bloodThinners", "keloidOrHypertrophicScarring", "activeInfectionOrInflammation",
                "activeAcne", "autoimmuneCondition")) {
            phone.click(By.id(question + "-no"));
        }
        phone.click(By.id("send"));
        phone.textAppears(By.id("status"), "Your answers have reached the clinic");
        assertFalse(phone.driver.getCurrentUrl().contains("#v1."), "the used link leaves the address bar");
        phone.assertAccessible("the patient's thank-you");
        phone.screenshot("53-patient-intake-received");

        // the desk sees it received (the page follows the appointment and intake changes; a reload shows it at once)
        desk.driver.navigate().refresh();
        desk.textAppears(By.id("intake-invitation"), "Intake received");
        desk.textAppears(By.id("intake-state"), "Valid until");
        desk.textAppears(By.id("intake-state"), "until " + LocalDate.now(CLINIC_ZONE).plusDays(90).format(CLINIC_DATE));
        desk.textAppears(By.id("intake-state"), "answered by the patient");
        desk.assertAccessible("patient page with the intake received");
        desk.screenshot("54-patient-intake-received-desk");

        // a link works once (opened again, as from the e-mail)
        phone.driver.get("about:blank");
        phone.driver.get(url);
        phone.textAppears(By.id("status"), "This link has been used");
        phone.textAppears(By.id("status"), "The clinic's phone number is +48 22 000 00 00.");
        phone.textAppears(By.id("clinic-name"), "Clinic of Aesthetic Dermatology");
        phone.screenshot("55-patient-intake-link-used");
    }

    @Test
    void anAdminClosesTheClinicForAHolidayAndKeepsTheCatalog() throws Exception {
        // a day that already has a booking: the admin sees it before closing, not only afterwards
        String patientId = patient("Halina", "Swiateczna" + tag(), null);
        cleanIntake(patientId);
        Map<String, Object> booked = book(patientId, "CONSULTATION", LocalDate.now(CLINIC_ZONE).plusDays(75));
        LocalDate holiday = Instant.parse((String) booked.get("start")).atZone(CLINIC_ZONE).toLocalDate();
        // and a treatment there waiting for a clinician (isotretinoin stopped two months ago)
        String referredPatient = patient("Roza", "Przegladowa" + tag(), null);
        Map<String, Object> referredIntake = new HashMap<>(IntakeAnswers.clean());
        referredIntake.put("isotretinoin", "STOPPED");
        referredIntake.put("isotretinoinLastDose", LocalDate.now(CLINIC_ZONE).minusMonths(2).toString());
        as("frontdesk").body(referredIntake).put("/api/patients/" + referredPatient + "/intake").then().statusCode(200);
        Map<String, Object> referred = book(referredPatient, "MICRONEEDLING", holiday);
        assertEquals("PENDING_REVIEW", referred.get("status"));
        assertEquals(holiday, Instant.parse((String) referred.get("start")).atZone(CLINIC_ZONE).toLocalDate(), "booked on the same day");
        Browser browser = open(DESKTOP);
        browser.signIn("admin");
        browser.click(By.linkText("Closures"));
        browser.visible(By.id("closure-form"));
        // typed as the clinic writes dates
        browser.type(By.id("closure-first"), holiday.format(CLINIC_DATE));
        browser.type(By.id("closure-reason"), "Public holiday");
        browser.assertAccessible("closures");
        browser.click(By.id("closure-add"));
        browser.textAppears(By.id("confirm-title"), "Close the clinic on days with 2 appointments?");
        browser.textAppears(By.id("closure-booked"), "Consultation");
        browser.screenshot("60a-closure-asks-first");
        browser.click(By.id("confirm-no"));
        assertTrue(as("frontdesk").get("/api/closures?from=" + holiday).then().statusCode(200).extract().jsonPath()
                .getList("$").isEmpty(), "going back closes nothing");
        browser.click(By.id("closure-add"));
        browser.click(By.id("confirm-yes"));
        browser.textAppears(By.id("flash"), "Clinic closed on those days");
        browser.textAppears(By.id("closures-table"), "Public holiday");
        browser.textAppears(By.id("closure-affected"), "Consultation");
        browser.screenshot("60-closures");
        assertEquals(0, as("frontdesk").get("/api/availability?procedure=CONSULTATION&from=" + holiday + "&to=" + holiday)
                .then().statusCode(200).extract().jsonPath().getList("$").size(), "nothing is offered on a closed day");
        browser.go("#/calendar?view=day&date=" + holiday);
        browser.textAppears(By.id("cal-closures"), "Public holiday");
        browser.textAppears(By.id("cal-closures"), "2 appointments are still booked then");
        browser.screenshot("61-calendar-closed-day");
        browser.go("#/appointments/" + booked.get("id"));
        browser.textAppears(By.id("appointment-closed"), "Public holiday");
        // a clinician approving the treatment on the closed day is told the patient hears nothing until it is moved
        Browser clinician = open(DESKTOP);
        clinician.signIn("clinician");
        clinician.click(By.linkText("Review queue"));
        clinician.click(By.cssSelector("#review-list button[data-appointment-id='" + referred.get("id") + "']"));
        clinician.textAppears(By.id("review-item-title"), "Przegladowa");
        clinician.click(By.id("review-approve"));
        clinician.type(By.id("review-reason"), "Washout nearly complete.");
        clinician.click(By.id("review-submit"));
        clinician.textAppears(By.id("flash"), "The clinic is closed that day: the patient gets no confirmation until the front desk moves it.");
        clinician.screenshot("60b-approved-on-a-closed-day");
        assertEquals("CONFIRMED", status((String) referred.get("id")));

        browser.click(By.linkText("Catalog"));
        browser.wait.until(d -> d.findElements(By.cssSelector("#catalog-procedures tbody tr")).size() == 3);
        browser.assertAccessible("catalog");
        WebElement roomName = browser.driver.findElements(By.cssSelector("#catalog-rooms tbody input[type=text]")).get(0);
        String original = roomName.getAttribute("value");
        roomName.clear();
        roomName.sendKeys(original + " (renamed)");
        browser.driver.findElements(By.cssSelector("#catalog-rooms tbody button")).get(0).click();
        browser.textAppears(By.id("flash"), "saved");
        assertTrue(as("admin").get("/api/catalog/rooms").then().extract().jsonPath().getList("name").contains(original + " (renamed)"));
        browser.screenshot("62-catalog-edit");
        // a refusal shows under the procedures, naming the row and the field, and marks the field
        WebElement minutes = browser.visible(By.id("proc-MICRONEEDLING-duration"));
        String minutesBefore = minutes.getAttribute("value");
        minutes.clear();
        minutes.sendKeys("0");
        browser.click(By.id("save-procedure-MICRONEEDLING"));
        browser.textAppears(By.id("catalog-procedures-result"), "MICRONEEDLING: Minutes: must be greater than or equal to 5");
        assertEquals("true", minutes.getAttribute("aria-invalid"));
        browser.screenshotAt(By.id("catalog-procedures-result"), "62b-catalog-refusal-in-place");
        // an emptied field is missing, not a zero
        minutes.clear();
        browser.click(By.id("save-procedure-MICRONEEDLING"));
        browser.textAppears(By.id("catalog-procedures-result"), "MICRONEEDLING: Minutes: is required");
        assertEquals(Integer.parseInt(minutesBefore), (Integer) as("admin").get("/api/catalog/procedures").then().extract()
                .jsonPath().get("find { it.code == 'MICRONEEDLING' }.durationMinutes"));
        // room types are chosen from those in use: a new room serves the procedures' type unless told otherwise
        assertEquals("TREATMENT_ROOM", browser.visible(By.id("room-new-type")).getAttribute("value"));
        assertEquals("SELECT", browser.visible(By.id("proc-MICRONEEDLING-room")).getTagName().toUpperCase());
        as("admin").get("/api/catalog/rooms").then().extract().jsonPath().getList("$", Map.class).stream()
                .filter(r -> (original + " (renamed)").equals(r.get("name"))).findFirst().ifPresent(r -> as("admin")
                        .body(Map.of("name", original, "roomType", r.get("roomType"), "active", true))
                        .put("/api/catalog/rooms/" + r.get("id")).then().statusCode(200));

        browser.click(By.linkText("Safety policy"));
        browser.visible(By.id("policy-versions"));
        browser.textAppears(By.id("policy-version"), "Version");
        browser.assertAccessible("safety policy");
        browser.screenshot("63-safety-policy");
        browser.click(By.linkText("Messages"));
        browser.wait.until(d -> d.findElements(By.cssSelector("#attention .loading, #opt-outs .loading")).isEmpty());
        browser.assertAccessible("messages that need attention");
        browser.screenshot("64-messages-attention");

        browser.driver.manage().window().setSize(TABLET);
        browser.click(By.linkText("Closures"));
        browser.visible(By.id("closures-table"));
        browser.assertAccessible("closures at tablet size");
        assertNoSidewaysScroll(browser);
        browser.screenshot("65-closures-tablet");
        // open again: the holiday was only for this test
        browser.click(By.cssSelector("#closures-table tbody tr:last-child button"));
        browser.click(By.id("confirm-yes"));
        browser.textAppears(By.id("flash"), "Closure removed");
    }

    @Test
    void anAdminRecordsAPractitionersDayAwaySeeingTheAppointmentsLeftToMove() throws Exception {
        String patientId = patient("Ignacy", "Nieobecny" + tag(), null);
        cleanIntake(patientId);
        Map<String, Object> booked = book(patientId, "CONSULTATION", LocalDate.now(CLINIC_ZONE).plusDays(85));
        LocalDate away = Instant.parse((String) booked.get("start")).atZone(CLINIC_ZONE).toLocalDate();
        String practitioner = (String) booked.get("practitionerId");
        Browser browser = open(DESKTOP);
        browser.signIn("admin");
        browser.click(By.linkText("Catalog"));
        String base = "off-" + practitioner;
        browser.click(By.cssSelector("#prac-" + practitioner + " > summary"));
        browser.type(By.id(base + "-from"), away.format(CLINIC_DATE));
        browser.type(By.id(base + "-reason"), "Sick leave");
        browser.click(By.id(base + "-add"));
        // the day has a booking with this practitioner: the admin sees it before saving
        browser.textAppears(By.id("confirm-title"), "has an appointment on those days");
        browser.visible(By.id("time-off-booked"));
        browser.screenshot("66-time-off-asks-first");
        browser.click(By.id("confirm-yes"));
        browser.textAppears(By.id("flash"), "Time off added");
        String section = "prac-" + practitioner + "-time-off";
        browser.textAppears(By.id(section), "1 still booked, to move or cancel");
        // a day away reads as the day, not as midnight to midnight
        browser.textAppears(By.id(section), ", whole day: Sick leave");
        browser.assertAccessible("catalog with time off over a booking");
        browser.screenshotAt(By.id(section), "67-time-off-still-booked");
        // hours that no longer cover the booking are refused, naming why, and nothing changes
        int weekday = away.getDayOfWeek().getValue();
        int rowsBefore = hoursOf(practitioner).size();
        for (WebElement row : browser.driver.findElements(By.cssSelector("#prac-" + practitioner + " li.hours-row"))) {
            if (row.findElement(By.tagName("select")).getAttribute("value").equals(String.valueOf(weekday))) {
                row.findElement(By.tagName("button")).click();
            }
        }
        browser.click(By.id("save-prac-" + practitioner));
        browser.textAppears(By.id("prac-" + practitioner + "-result"), "Not saved: Appointments outside the new hours");
        browser.textAppears(By.id("prac-" + practitioner + "-result"), "outside working hours, the first on ");
        browser.screenshotAt(By.id("prac-" + practitioner + "-result"), "67b-hours-refused-while-booked");
        assertEquals(rowsBefore, hoursOf(practitioner).size());

        browser.go("#/appointments/" + booked.get("id"));
        browser.textAppears(By.id("appointment-away"), "is away at this time");
        browser.textAppears(By.id("appointment-away"), "whole day (Sick leave)");
        browser.screenshot("69-appointment-practitioner-away");
        browser.go("#/patients/" + patientId);
        browser.textAppears(By.id("patient-appointments"), "practitioner away");
        // the front desk books with the practitioner: the day says why it has no times
        Browser desk = open(DESKTOP);
        desk.signIn("frontdesk");
        desk.go("#/book?patientId=" + patientId);
        new Select(desk.visible(By.id("book-procedure"))).selectByValue("CONSULTATION");
        desk.setDate(By.id("book-from"), away.toString());
        desk.click(By.id("find-slots"));
        desk.slotsLoaded();
        new Select(desk.visible(By.id("slot-practitioner"))).selectByValue(practitioner);
        desk.slotsLoaded();
        By awayDay = By.cssSelector("#slot-days button[data-day='" + away + "']");
        desk.textAppears(awayDay, "Practitioner away");
        desk.click(awayDay);
        desk.textAppears(By.id("slot-day-away"), "is away: ");
        desk.textAppears(By.id("slot-day-away"), "whole day (Sick leave)");
        desk.screenshot("70-book-practitioner-away");
        // time off added while the desk is choosing: the refusal says who is away and when, and the times refresh
        WebElement freeDay = desk.clickable(By.cssSelector("#slot-days button[data-free]"));
        String chosenDay = freeDay.getAttribute("data-day");
        freeDay.click();
        desk.click(By.cssSelector("#slot-times ul button"));
        String training = as("admin").body(Map.of("start", LocalDate.parse(chosenDay).atStartOfDay(CLINIC_ZONE).toOffsetDateTime().toString(),
                "end", LocalDate.parse(chosenDay).plusDays(1).atStartOfDay(CLINIC_ZONE).toOffsetDateTime().toString(), "reason", "Training"))
                .post("/api/catalog/practitioners/" + practitioner + "/time-off").then().statusCode(201).extract().path("id");
        desk.click(By.id("book-slot"));
        // the click races the picker's live update: either the booking is refused, saying who is away and
        // when, or the picker already showed the day away and took the time back (the click found nothing
        // chosen); either way the day reads as away and nothing is booked
        desk.textAppears(By.cssSelector("#slot-days button[data-day='" + chosenDay + "']"), "Practitioner away");
        String refusal = desk.driver.findElement(By.id("booking-outcome")).getText();
        if (!refusal.isEmpty()) {
            assertTrue(refusal.startsWith("Not booked: ") && refusal.contains(" is away on ") && refusal.contains("(Training)"), refusal);
        }
        assertEquals(List.of(booked.get("id")), as("frontdesk").get("/api/patients/" + patientId + "/appointments")
                .then().statusCode(200).extract().jsonPath().getList("id"));
        desk.screenshot("70b-book-refused-practitioner-away");
        // removed elsewhere: the picker follows without a click
        as("admin").delete("/api/catalog/practitioners/" + practitioner + "/time-off/" + training).then().statusCode(204);
        desk.textAppears(By.cssSelector("#slot-days button[data-day='" + chosenDay + "']"), " free");
        browser.go("#/calendar?view=week&date=" + away);
        browser.visible(By.cssSelector("a[data-appointment-id='" + booked.get("id") + "'] [data-away]"));
        browser.textAppears(By.cssSelector("td.away .week-away"), "Away all day: Sick leave");
        browser.screenshot("68-calendar-week-practitioner-away");

        // back as it was: the time off was only for this test
        String timeOff = as("admin").get("/api/catalog/practitioners/" + practitioner + "/time-off").then().statusCode(200)
                .extract().jsonPath().getList("findAll { it.reason == 'Sick leave' }.id", String.class).get(0);
        as("admin").delete("/api/catalog/practitioners/" + practitioner + "/time-off/" + timeOff).then().statusCode(204);
    }

    private static List<Object> hoursOf(String practitioner) {
        return as("admin").get("/api/catalog/practitioners").then().statusCode(200).extract().jsonPath()
                .getList("find { it.id == '" + practitioner + "' }.weeklyHours");
    }

    @Test
    void searchFindsANameInAnyOrderOrAPhoneDatesAreTheClinicsAndTheSessionIsSharedAcrossTabs() throws Exception {
        String tag = tag();
        Browser browser = open(TABLET);
        browser.signIn("frontdesk");
        browser.go("#/patients/new");
        browser.type(By.id("np-firstName"), "Alpha");
        browser.type(By.id("np-lastName"), "Walk" + tag);
        browser.type(By.id("np-email"), "alpha-" + tag + "@example.com");
        browser.type(By.id("np-dateOfBirth"), "17.05.1991");
        String phone = "+48 601 " + (100 + Math.abs(tag.hashCode() % 900)) + " 222";
        browser.type(By.id("np-phone"), phone);
        browser.assertAccessible("new patient");
        browser.click(By.id("np-submit"));
        browser.textAppears(By.cssSelector("main h1"), "Alpha Walk" + tag);
        browser.textAppears(By.cssSelector("main dl.facts"), "17.05.1991");

        for (String query : List.of("Walk" + tag + " Alpha", phone.replace(" ", ""), "17.05.1991 walk" + tag)) {
            browser.go("#/patients?query=" + java.net.URLEncoder.encode(query, java.nio.charset.StandardCharsets.UTF_8));
            browser.textAppears(By.id("patient-results"), "Alpha Walk" + tag);
        }
        browser.assertAccessible("patient search");
        browser.screenshot("70-search-any-order");

        // a second tab is signed in already, and signing out there signs out here too
        String first = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.driver.get(baseUrl + "/#/patients");
        browser.textAppears(By.id("session-user"), "Signed in as frontdesk");
        browser.signOut();
        browser.driver.switchTo().window(first);
        browser.visible(By.id("signin-form"));
    }

    @Test
    void theDeskCorrectsAPatientsDetailsAndAnAdminMergesADuplicateAndErasesThePatient() throws Exception {
        String t = tag();
        String kept = patient("Rita", "Record" + t, null);
        String duplicate = patient("Rita", "Rekord" + t, null);
        String corrected = "rita-" + t + "@example.com";

        Browser desk = open(DESKTOP);
        desk.signIn("frontdesk");
        desk.go("#/patients/" + kept);
        try {
            desk.visible(By.id("correct-patient"));
        } catch (org.openqa.selenium.TimeoutException notThere) {
            desk.screenshot("60-patient-page-without-correction");
            throw new AssertionError("the patient page shows: " + desk.driver.findElement(By.id("main")).getText()
                    + " | browser log: " + desk.javascriptErrors(), notThere);
        }
        desk.click(By.id("correct-patient"));
        desk.visible(By.id("correction-form"));
        desk.assertAccessible("correct a patient's details");
        desk.type(By.id("cp-email"), "not an address");
        desk.click(By.id("cp-submit"));
        desk.textAppears(By.id("cp-email-error"), "must be a well-formed email address");
        assertEquals("true", desk.visible(By.id("cp-email")).getAttribute("aria-invalid"));
        desk.screenshot("60-patient-correction-refused");
        desk.type(By.id("cp-email"), corrected);
        desk.click(By.id("cp-submit"));
        desk.textAppears(By.id("flash"), "Details corrected");
        desk.textAppears(By.cssSelector(".facts"), corrected);
        desk.screenshot("60-patient-corrected");
        assertEquals(0, desk.driver.findElements(By.id("erase-patient")).size(), "the front desk neither merges nor erases");

        Browser admin = open(DESKTOP);
        admin.signIn("admin");
        admin.go("#/patients/" + kept);
        // the desk has the duplicate open while the admin merges it, and its page follows without a reload
        desk.go("#/patients/" + duplicate);
        desk.textAppears(By.cssSelector("main h1"), "Rita Rekord" + t);
        admin.type(By.id("duplicate-query"), "Rekord" + t);
        admin.click(By.id("duplicate-search"));
        admin.click(By.cssSelector("#duplicate-list button[data-patient-id='" + duplicate + "']"));
        admin.visible(By.id("confirm-dialog"));
        admin.assertAccessible("merge a duplicate record");
        admin.screenshot("61-patient-merge-confirmation");
        admin.click(By.id("confirm-yes"));
        admin.textAppears(By.id("flash"), "Records merged");
        as("frontdesk").get("/api/patients/" + duplicate).then().statusCode(410);
        // the duplicate's page, still open at the desk, says where the record went
        desk.textAppears(By.cssSelector("main h1"), "Record merged");
        desk.click(By.id("merged-into"));
        desk.textAppears(By.cssSelector("main h1"), "Rita Record" + t);
        // corrected elsewhere: the name and details are redrawn in place
        Map<String, Object> details = new java.util.HashMap<>(as("frontdesk").get("/api/patients/" + kept).then().statusCode(200)
                .extract().jsonPath().getMap("$"));
        details.keySet().retainAll(List.of("firstName", "lastName", "email", "phone", "dateOfBirth"));
        details.put("firstName", "Ritta");
        as("frontdesk").body(details).put("/api/patients/" + kept).then().statusCode(200);
        desk.textAppears(By.cssSelector("main h1"), "Ritta Record" + t);

        admin.click(By.id("erase-patient"));
        admin.visible(By.id("confirm-dialog"));
        admin.screenshot("61-patient-erase-confirmation");
        admin.click(By.id("confirm-no"));
        as("frontdesk").get("/api/patients/" + kept).then().statusCode(200);
        admin.click(By.id("erase-patient"));
        admin.click(By.id("confirm-yes"));
        admin.textAppears(By.id("flash"), "Patient erased");
        as("frontdesk").get("/api/patients/" + kept).then().statusCode(410);
        // the desk's page of the erased patient follows without a reload
        desk.textAppears(By.cssSelector("main h1"), "Patient erased");
        desk.screenshot("61b-patient-erased-elsewhere");
    }

    private static void assertNoSidewaysScroll(Browser browser) {
        Object overflow = browser.script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertEquals(0L, ((Number) overflow).longValue(), "the page scrolls sideways at this size");
    }
}
