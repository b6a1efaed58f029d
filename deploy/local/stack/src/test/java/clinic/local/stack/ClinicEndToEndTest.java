package clinic.local.stack;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import clinic.local.infra.ExternalServers;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * The whole clinic as a user meets it: the three packaged services on real PostgreSQL, Kafka and
 * an SMTP sink, started the way the run command starts them. A new patient with a clean intake
 * books microneedling, gets a confirmation e-mail, is treated, and gets aftercare by e-mail;
 * the real screening-service blocks a microdermabrasion the next day.
 */
class ClinicEndToEndTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Warsaw");
    private static ClinicStack stack;
    private static ScratchDirectory data;

    @BeforeAll
    static void startTheClinic() throws Exception {
        Path home = Path.of(System.getProperty("clinic.home", "../../.."));
        data = ScratchDirectory.create("clinic-e2e");
        stack = ClinicStack.start(StackSettings.onFreePorts(home, data.path()));
    }

    /** Each test starts from a ready clinic, whatever the one before it stopped or killed. */
    @BeforeEach
    void theClinicIsReady() throws Exception {
        stack.awaitServicesReady();
    }

    @AfterAll
    static void stopTheClinic() {
        if (stack != null) {
            StackSettings s = stack.settings();
            stack.close();
            for (int port : List.of(s.bookingPort(), s.screeningPort(), s.contentPort(), s.bookingManagementPort(),
                    s.screeningManagementPort(), s.contentManagementPort(), s.postgresPort(), s.kafkaPort(), s.smtpPort(),
                    s.imapPort())) {
                assertFalse(listening(port), "something still listens on " + port + " after the stack stopped");
            }
        }
        if (data != null) {
            data.close();
        }
    }

    @Test
    void newPatientBooksIsConfirmedByEmailIsTreatedAndGetsAftercare() throws Exception {
        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String patient = as("frontdesk").body(Map.of("firstName", "Maja", "lastName", "Zielinska", "email", email,
                "dateOfBirth", "1991-05-17")).post("/api/patients").then().statusCode(201).extract().path("id");
        as("frontdesk").body(IntakeAnswers.clean()).put("/api/patients/" + patient + "/intake").then().statusCode(200);

        LocalDate from = LocalDate.now(CLINIC_ZONE).plusDays(7);
        List<String> starts = as("frontdesk")
                .queryParams("procedure", "MICRONEEDLING", "from", from.toString(), "to", from.plusDays(7).toString())
                .get("/api/availability").then().statusCode(200).body("size()", greaterThan(0))
                .extract().jsonPath().getList("start");

        String appointment = as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRONEEDLING", "start", starts.get(0)))
                .post("/api/appointments").then().statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("screening.outcome", equalTo("CLEARED"))
                .body("screening.decisionId", notNullValue())
                .extract().path("id");

        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(stack.settings().imapPort(), email).size() >= 1);

        // the real screening-service applies the interval rule: microdermabrasion the next day is blocked
        String nextDay = LocalDate.parse(starts.get(0).substring(0, 10)).plusDays(1) + "T11:00:00"
                + starts.get(0).substring(19);
        as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRODERMABRASION", "start", nextDay))
                .post("/api/appointments").then().statusCode(422)
                .contentType("application/problem+json")
                .body("screening.outcome", equalTo("BLOCKED"))
                .body("screening.earliestEligibleStart", notNullValue());

        // days ahead nothing but moving or cancelling is possible; on the day, check-in and then completion
        as("frontdesk").post("/api/appointments/" + appointment + "/check-in").then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:not-the-appointments-day"));
        TestAppointments.startNow(stack, appointment);
        as("frontdesk").post("/api/appointments/" + appointment + "/check-in").then().statusCode(200);
        as("clinician").post("/api/appointments/" + appointment + "/complete").then().statusCode(200)
                .body("status", equalTo("COMPLETED"));

        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(stack.settings().imapPort(), email).size() >= 2);
        List<String> subjects = Inbox.subjects(stack.settings().imapPort(), email);
        assertTrue(subjects.size() >= 2, "expected a confirmation and an aftercare e-mail, got " + subjects);

        // the front desk sees the timeline: confirmation plus five aftercare steps, the first one sent
        as("frontdesk").get("/api/appointments/" + appointment + "/messages").then().statusCode(200)
                .body("findAll { it.kind == 'AFTERCARE' }.size()", equalTo(5))
                .body("find { it.step == 'AFTERCARE-0H' }.status", equalTo("SENT"));
    }

    @Test
    void isotretinoinNeedsAClinicianWhoseApprovalConfirmsAndTheFrontDeskCannotReadTheIntake() {
        String patient = as("frontdesk").body(Map.of("firstName", "Ola", "lastName", "Nowicka",
                "email", "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "dateOfBirth", "1988-02-03"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        Map<String, Object> intake = new java.util.HashMap<>(IntakeAnswers.clean());
        intake.put("isotretinoin", "STOPPED");
        intake.put("isotretinoinLastDose", LocalDate.now(CLINIC_ZONE).minusMonths(2).toString());
        as("frontdesk").body(intake).put("/api/patients/" + patient + "/intake").then().statusCode(200);
        as("frontdesk").get("/api/patients/" + patient + "/intake").then().statusCode(403);
        as("clinician").get("/api/patients/" + patient + "/intake").then().statusCode(200)
                .body("isotretinoinLastDose", equalTo(intake.get("isotretinoinLastDose")));

        String start = as("frontdesk").queryParams("procedure", "MICRODERMABRASION",
                "from", LocalDate.now(CLINIC_ZONE).plusDays(7).toString(), "to", LocalDate.now(CLINIC_ZONE).plusDays(14).toString())
                .get("/api/availability").then().statusCode(200).extract().path("[0].start");
        String appointment = as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRODERMABRASION", "start", start))
                .post("/api/appointments").then().statusCode(201)
                .body("status", equalTo("PENDING_REVIEW"))
                .body("screening.outcome", equalTo("NEEDS_REVIEW"))
                .body("screening.categories", org.hamcrest.Matchers.contains("MEDICATION_HISTORY"))
                .extract().path("id");
        // the front desk sees categories only; rule ids and the clinical detail are for clinicians
        as("frontdesk").get("/api/appointments/" + appointment + "/screening").then().statusCode(200)
                .body("reasons[0].category", equalTo("MEDICATION_HISTORY"))
                .body("reasons[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("ruleId")));
        as("clinician").get("/api/appointments/" + appointment + "/screening").then().statusCode(200)
                .body("reasons[0].ruleId", equalTo("ISOTRETINOIN"));

        // the front desk re-answers "never": what a clinician was asked to review, only a clinician confirms
        as("frontdesk").body(IntakeAnswers.clean()).put("/api/patients/" + patient + "/intake").then().statusCode(200)
                .body("rescreened[0].status", equalTo("PENDING_REVIEW"));
        String decision = as("clinician").get("/api/appointments/" + appointment).then()
                .body("status", equalTo("PENDING_REVIEW"))
                .body("screening.categories", org.hamcrest.Matchers.contains("CLINICIAN_CONFIRMATION"))
                .extract().path("screening.decisionId");
        as("clinician").body(Map.of("decision", "APPROVE", "reason", "last dose and healing history discussed",
                "decisionId", decision)).post("/api/appointments/" + appointment + "/review").then().statusCode(200)
                .body("status", equalTo("CONFIRMED"));
    }

    @Test
    void anIntakeAnswerScreeningCannotReadExactlyIsRefusedThroughBookingAndNothingIsStored() {
        String patient = as("frontdesk").body(Map.of("firstName", "Iga", "lastName", "Wrona",
                "email", "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "dateOfBirth", "1990-07-08"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        // the questionnaire is read as strictly by booking as by screening: a misspelt answer is never ignored
        Map<String, Object> misspelt = new java.util.HashMap<>(IntakeAnswers.clean());
        misspelt.put("activeAcnee", true);
        as("frontdesk").body(misspelt).put("/api/patients/" + patient + "/intake").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("activeAcnee"));
        Map<String, Object> wrongType = new java.util.HashMap<>(IntakeAnswers.clean());
        wrongType.put("completedOn", 20000);
        as("frontdesk").body(wrongType).put("/api/patients/" + patient + "/intake").then().statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("completedOn"));
        as("clinician").get("/api/patients/" + patient + "/intake").then().statusCode(404);
    }

    @Test
    void operationsEndpointsAreOnlyOnTheManagementPortsAndThePackagedAppHasNoSwaggerUi() {
        StackSettings s = stack.settings();
        for (int port : List.of(s.bookingManagementPort(), s.screeningManagementPort(), s.contentManagementPort())) {
            given().baseUri("http://localhost:" + port).get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"));
            given().baseUri("http://localhost:" + port).get("/q/metrics").then().statusCode(200);
            given().baseUri("http://localhost:" + port).get("/q/openapi").then().statusCode(200);
            given().baseUri("http://localhost:" + port).get("/q/swagger-ui/").then().statusCode(404);
        }
        for (int port : List.of(s.bookingPort(), s.screeningPort(), s.contentPort())) {
            for (String path : List.of("/q/health/ready", "/q/metrics", "/q/openapi", "/q/swagger-ui/")) {
                given().baseUri("http://localhost:" + port).auth().preemptive().basic("admin", "admin").get(path).then()
                        .statusCode(404);
            }
        }
    }

    /**
     * The dashboard and the alerts in deploy/k8s may name only metrics listed in
     * components/monitoring/metrics.txt (deploy/k8s's tests); here the list meets the running
     * services: every listed metric is exposed by the service the list names, and one marked
     * "pending" (listed before its code exists) is not, so the mark comes off when the code lands.
     */
    @Test
    void everyMetricTheDashboardAndAlertsMayNameIsExposedByItsService() throws Exception {
        StackSettings s = stack.settings();
        // metrics of HTTP requests and of the breaker appear with the first request (booking calls
        // screening for the policy, content for the messages needing attention)
        as("admin").get("/api/policy").then().statusCode(200);
        as("admin").get("/api/messages/attention").then().statusCode(200);
        Map<String, Integer> managementPorts = Map.of("booking-service", s.bookingManagementPort(),
                "screening-service", s.screeningManagementPort(), "content-service", s.contentManagementPort());
        Map<String, java.util.Set<String>> exposed = new java.util.HashMap<>();
        managementPorts.forEach((service, port) -> exposed.put(service, given().baseUri("http://localhost:" + port)
                .get("/q/metrics").then().statusCode(200).extract().asString().lines()
                .filter(line -> !line.startsWith("#") && !line.isBlank())
                .map(line -> line.split("[{ ]", 2)[0]).collect(java.util.stream.Collectors.toSet())));
        Path catalog = Path.of(System.getProperty("clinic.home", "../../..")).resolve("deploy/k8s/components/monitoring/metrics.txt");
        List<String> wrong = new java.util.ArrayList<>();
        for (String line : Files.readAllLines(catalog)) {
            String[] columns = line.strip().split("\\s+");
            if (line.isBlank() || line.startsWith("#") || columns[1].equals("prometheus") || columns[1].equals("clinic-db")) {
                continue; // Prometheus's own, and the PostgreSQL cluster's (CloudNativePG): not ours to run here
            }
            boolean pending = columns.length > 2 && columns[2].equals("pending");
            List<String> owners = columns[1].equals("all") ? List.copyOf(managementPorts.keySet()) : List.of(columns[1].split(","));
            for (String owner : owners) {
                boolean there = exposed.get(owner).contains(columns[0]);
                if (there == pending) {
                    wrong.add(columns[0] + (pending ? " is exposed by " + owner + ": remove its pending mark"
                            : " is not exposed by " + owner));
                }
            }
        }
        assertEquals(List.of(), wrong, "metrics.txt and the services disagree");
    }

    /**
     * The alert on booking's breakers towards screening (deploy/k8s, ClinicScreeningBreakerOpen) names
     * them by the label the running service gives them: it matches every breaker of a client of
     * screening and none of content's. (Written first against names without the generated wrapper's
     * "$$CDIWrapper", it could never fire.)
     */
    @Test
    void theScreeningBreakerAlertMatchesTheBreakersBookingExposes() throws Exception {
        String patient = newPatientWithCleanIntake("Breaker"); // screening's desk client and the booking's
        as("frontdesk").get("/api/patients/" + patient + "/intake-status").then().statusCode(200);
        as("frontdesk").body(Map.of("patientId", patient, "procedure", "CONSULTATION",
                "start", firstFree("CONSULTATION", LocalDate.now(CLINIC_ZONE).plusDays(40)))).post("/api/appointments")
                .then().statusCode(201);
        as("admin").get("/api/policy").then().statusCode(200);
        as("admin").get("/api/messages/attention").then().statusCode(200);
        Path rules = Path.of(System.getProperty("clinic.home", "../../..")).resolve("deploy/k8s/components/monitoring/prometheus-rules.yaml");
        java.util.regex.Matcher found = java.util.regex.Pattern.compile("ft_circuitbreaker_state_current\\{[^}]*method=~\"([^\"]+)\"")
                .matcher(Files.readString(rules));
        assertTrue(found.find(), "the breaker alert names its methods by a pattern");
        // PromQL anchors a label pattern at both ends, as String.matches does
        String pattern = found.group(1).replace("\\\\", "\\");
        List<String> methods = given().baseUri("http://localhost:" + stack.settings().bookingManagementPort()).get("/q/metrics")
                .then().statusCode(200).extract().asString().lines()
                .filter(line -> line.startsWith("ft_circuitbreaker_state_current{"))
                .map(line -> line.replaceAll(".*method=\"([^\"]+)\".*", "$1")).distinct().toList();
        List<String> screening = methods.stream().filter(m -> m.contains("Screening")).toList();
        assertTrue(screening.size() >= 3, "breakers of screening's clients after a booking, an intake and the policy: " + methods);
        assertEquals(List.of(), screening.stream().filter(m -> !m.matches(pattern)).toList(), "screening breakers the alert misses");
        assertEquals(List.of(), methods.stream().filter(m -> !m.contains("Screening") && m.matches(pattern)).toList(),
                "breakers of other services the alert takes for screening's");
        assertTrue(methods.stream().anyMatch(m -> !m.contains("Screening")), "content's breakers are there too: " + methods);
    }

    @Test
    void aBookingDaysAheadListsItsRemindersAndTheirOptOutLinkWorksThroughTheClinicsPublicEntryPoint() throws Exception {
        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String patient = newPatientWithCleanIntake("Ida", email);
        LocalDate from = LocalDate.now(CLINIC_ZONE).plusDays(50);
        String start = as("frontdesk").queryParams("procedure", "MICRODERMABRASION", "from", from.toString(),
                "to", from.plusDays(7).toString()).get("/api/availability").then().statusCode(200).extract().path("[0].start");
        String appointment = as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRODERMABRASION", "start", start))
                .post("/api/appointments").then().statusCode(201).body("status", equalTo("CONFIRMED")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(stack.settings().imapPort(), email).size() >= 1);

        // the front desk's view: the confirmation went, the two reminders wait for their time
        as("frontdesk").get("/api/appointments/" + appointment + "/messages").then().statusCode(200)
                .body("find { it.kind == 'CONFIRMATION' }.status", equalTo("SENT"))
                .body("findAll { it.kind == 'REMINDER' }.status", org.hamcrest.Matchers.contains("PENDING", "PENDING"))
                .body("findAll { it.kind == 'REMINDER' }.essential", org.hamcrest.Matchers.contains(false, false));

        // the link a reminder carries, as content-service wrote it
        String link = contentQuery("SELECT unsubscribe_url FROM outbound_message WHERE appointment_id = ?::uuid AND kind = 'REMINDER'",
                appointment).get(0);
        assertTrue(link.startsWith(stack.settings().bookingUrl() + "/opt-out?token="), link);
        String token = link.substring(link.indexOf("token=") + "token=".length());

        // opening the link (or a mail scanner following it) shows a page and changes nothing
        given().baseUri(stack.settings().bookingUrl()).accept("text/html").queryParam("token", token).get("/opt-out").then()
                .statusCode(200).contentType(org.hamcrest.Matchers.containsString("text/html"))
                .body(org.hamcrest.Matchers.containsString("name=\"token\""));
        as("frontdesk").get("/api/patients/" + patient + "/message-preferences").then().statusCode(200)
                .body("nonEssential", equalTo(true));
        // the page's button
        given().baseUri(stack.settings().bookingUrl()).accept("text/html").contentType(ContentType.URLENC)
                .formParam("token", token).post("/opt-out").then().statusCode(200)
                .body(org.hamcrest.Matchers.containsString("no longer receive"));
        as("frontdesk").get("/api/patients/" + patient + "/message-preferences").then().body("nonEssential", equalTo(false));
        as("clinician").get("/api/opt-outs").then().statusCode(200).body("patientId", org.hamcrest.Matchers.hasItem(patient));
        // a mail client's one-click unsubscribe (RFC 8058) posts to the link itself
        given().baseUri(stack.settings().bookingUrl()).multiPart("List-Unsubscribe", "One-Click")
                .post("/opt-out?token=" + token).then().statusCode(200);
        // a forged link is refused: a page for a browser, a problem for anyone else
        given().baseUri(stack.settings().bookingUrl()).queryParam("token", token + "x").get("/opt-out").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("urn:clinic:problem:invalid-token"));
        given().baseUri(stack.settings().bookingUrl()).accept("text/html").queryParam("token", token + "x").get("/opt-out")
                .then().statusCode(403).contentType(org.hamcrest.Matchers.containsString("text/html"));

        // the patient asks the front desk for reminders again
        as("clinician").body(Map.of("nonEssential", true)).put("/api/patients/" + patient + "/message-preferences")
                .then().statusCode(403);
        as("frontdesk").body(Map.of("nonEssential", true)).put("/api/patients/" + patient + "/message-preferences")
                .then().statusCode(200).body("nonEssential", equalTo(true));
    }

    @Test
    void aConfirmedAppointmentMovedIntoReviewAndDeniedIsToldEachStepWithItsCalendarEntry() throws Exception {
        String email = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String patient = newPatientWithCleanIntake("Nina", email);
        LocalDate from = LocalDate.now(CLINIC_ZONE).plusDays(60);
        String start = as("frontdesk").queryParams("procedure", "MICRONEEDLING", "from", from.toString(),
                "to", from.plusDays(7).toString()).get("/api/availability").then().statusCode(200).extract().path("[0].start");
        String appointment = book(patient, start);
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(stack.settings().imapPort(), email).size() >= 1);

        // a new intake needs a clinician: the appointment goes back to review
        Map<String, Object> intake = new java.util.HashMap<>(IntakeAnswers.clean());
        intake.put("isotretinoin", "STOPPED");
        intake.put("isotretinoinLastDose", LocalDate.now(CLINIC_ZONE).minusMonths(2).toString());
        as("frontdesk").body(intake).put("/api/patients/" + patient + "/intake").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "PENDING_REVIEW".equals(statusOf(appointment)));
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(stack.settings().imapPort(), email).size() >= 2);

        // the clinician denies it
        String decision = as("clinician").get("/api/appointments/" + appointment).then().extract().path("screening.decisionId");
        as("clinician").body(Map.of("decision", "DENY", "reason", "discussed with the patient", "decisionId", decision))
                .post("/api/appointments/" + appointment + "/review").then().statusCode(200).body("status", equalTo("REJECTED"));
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(stack.settings().imapPort(), email).size() >= 3);

        List<String> subjects = Inbox.subjects(stack.settings().imapPort(), email);
        assertTrue(subjects.get(0).contains("is confirmed"), subjects.toString());
        assertTrue(subjects.get(1).contains("to be confirmed by the clinic"), subjects.toString());
        assertTrue(subjects.get(2).contains("cannot go ahead"), subjects.toString());
        assertEquals(3, new java.util.HashSet<>(Inbox.messageIds(stack.settings().imapPort(), email)).size(), "three messages");

        // each carries the calendar entry, inline, read by an independent iCalendar library
        List<Inbox.CalendarPart> parts = Inbox.calendars(stack.settings().imapPort(), email);
        assertEquals(3, parts.size(), parts.toString());
        List<String> methods = List.of("REQUEST", "REQUEST", "CANCEL");
        List<String> statuses = List.of("CONFIRMED", "TENTATIVE", "CANCELLED");
        String uid = null;
        int sequence = -1;
        for (int i = 0; i < 3; i++) {
            Inbox.CalendarPart part = parts.get(i);
            assertTrue(part.contentType().toLowerCase().contains("method=" + methods.get(i).toLowerCase()), part.contentType());
            assertEquals("inline", part.disposition());
            net.fortuna.ical4j.model.Calendar calendar = new net.fortuna.ical4j.data.CalendarBuilder()
                    .build(new java.io.StringReader(part.text()));
            assertFalse(calendar.validate().hasErrors(), calendar.validate().toString());
            assertEquals(methods.get(i), calendar.getProperty("METHOD").map(p -> ((net.fortuna.ical4j.model.Property) p).getValue()).orElseThrow());
            net.fortuna.ical4j.model.Component event = calendar.getComponent("VEVENT").orElseThrow();
            assertEquals(statuses.get(i), value(event, "STATUS"));
            assertTrue(calendar.getComponent("VTIMEZONE").isPresent(), "the clinic's time zone is in the invitation");
            if (uid == null) {
                uid = value(event, "UID");
                String local = java.time.OffsetDateTime.parse(start).atZoneSameInstant(CLINIC_ZONE).toLocalDateTime()
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"));
                assertEquals(local, value(event, "DTSTART"), "the clinic's wall-clock time");
            }
            assertEquals(uid, value(event, "UID"), "one calendar entry throughout");
            int current = Integer.parseInt(value(event, "SEQUENCE"));
            assertTrue(current > sequence, "SEQUENCE grows");
            sequence = current;
        }
        for (String body : Inbox.bodies(stack.settings().imapPort(), email)) {
            for (String medical : List.of("isotretinoin", "intake", "screening", "medication")) {
                assertFalse(body.toLowerCase().contains(medical), "medical detail (" + medical + ") in an e-mail: " + body);
            }
        }
    }

    @Test
    void staffReachMessagesNeedingAttentionThroughBooking() {
        as("clinician").get("/api/messages/attention").then().statusCode(200).body("$", org.hamcrest.Matchers.instanceOf(List.class));
        as("frontdesk").post("/api/messages/" + UUID.randomUUID() + "/resend").then().statusCode(404)
                .contentType("application/problem+json");
        as("clinician").post("/api/messages/" + UUID.randomUUID() + "/resend").then().statusCode(403);
        as("frontdesk").body(Map.of("note", "")).post("/api/messages/" + UUID.randomUUID() + "/close").then().statusCode(400)
                .body("errors[0].field", org.hamcrest.Matchers.containsString("note"));
    }

    private static String value(net.fortuna.ical4j.model.Component component, String property) {
        return component.getProperty(property).map(p -> ((net.fortuna.ical4j.model.Property) p).getValue()).orElse(null);
    }

    /** A value from content-service's database, once it is there. */
    private static List<String> contentQuery(String sql, String appointment) {
        await().atMost(Duration.ofSeconds(30)).until(() -> ContentDatabase.value(stack, sql, appointment) != null);
        return List.of(ContentDatabase.value(stack, sql, appointment));
    }

    @Test
    void eventsWaitingInTheOutboxWhenBookingIsKilledArePublishedOnceAndInOrderAfterItsRestart() throws Exception {
        LocalDate from = LocalDate.now(CLINIC_ZONE).plusDays(21);
        List<String> starts = as("frontdesk")
                .queryParams("procedure", "MICRONEEDLING", "from", from.toString(), "to", from.plusDays(7).toString())
                .get("/api/availability").then().statusCode(200).extract().jsonPath().getList("start");
        String moved;
        String cancelled;
        stack.stopKafka();
        try {
            // Kafka is down: every change below is committed with its event, and the event waits in the outbox
            moved = book(newPatientWithCleanIntake("Eva"), starts.get(0));
            as("frontdesk").body(Map.of("start", starts.get(starts.size() - 1))).post("/api/appointments/" + moved + "/reschedule")
                    .then().statusCode(200);
            cancelled = book(newPatientWithCleanIntake("Lena"), starts.get(1));
            as("frontdesk").body(Map.of("reason", "PATIENT_REQUEST")).post("/api/appointments/" + cancelled + "/cancel")
                    .then().statusCode(200);
            assertEquals(4, unpublishedEvents(moved, cancelled), "all four events wait in the outbox");
            stack.service("booking-service").kill();
        } finally {
            stack.startKafka();
        }
        // the stack starts booking-service again, and its relay publishes what was waiting
        await().atMost(Duration.ofMinutes(3)).until(() -> unpublishedEvents(moved, cancelled) == 0);
        Map<String, List<String>> published = EventTopic.eventIds(stack.kafkaBootstrapServers(), List.of(moved, cancelled));
        assertEquals(outboxEventIds(moved), published.get(moved), "confirmed then rescheduled, each once");
        assertEquals(outboxEventIds(cancelled), published.get(cancelled), "confirmed then cancelled, each once");
        assertEquals(List.of("AppointmentConfirmed", "AppointmentRescheduled"), outboxEventTypes(moved));
        assertEquals(List.of("AppointmentConfirmed", "AppointmentCancelled"), outboxEventTypes(cancelled));
        stack.service("booking-service").awaitReady(Duration.ofMinutes(2));
    }

    @Test
    void decisionsFollowTheirInputsChangedAtScreeningWhileBookingIsDown() throws Exception {
        LocalDate from = LocalDate.now(CLINIC_ZONE).plusDays(30);
        List<String> starts = as("frontdesk")
                .queryParams("procedure", "MICRONEEDLING", "from", from.toString(), "to", from.plusDays(7).toString())
                .get("/api/availability").then().statusCode(200).extract().jsonPath().getList("start");
        String infectedEmail = "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String infected = newPatientWithCleanIntake("Iga", infectedEmail);
        String onThinners = newPatientWithCleanIntake("Tola", "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        Map<String, Object> thinners = new java.util.HashMap<>(IntakeAnswers.clean());
        thinners.put("bloodThinners", true);
        as("frontdesk").body(thinners).put("/api/patients/" + onThinners + "/intake").then().statusCode(200);
        String first = book(infected, starts.get(0));
        String anotherDay = starts.stream().filter(s -> !s.startsWith(starts.get(0).substring(0, 10))).findFirst().orElseThrow();
        String second = as("frontdesk").body(Map.of("patientId", onThinners, "procedure", "MICRONEEDLING", "start", anotherDay))
                .post("/api/appointments").then().statusCode(201).body("status", equalTo("PENDING_REVIEW")).extract().path("id");
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(stack.settings().imapPort(), infectedEmail).size() >= 1);

        // booking is killed; meanwhile the intake and the policy change at screening itself
        stack.service("booking-service").kill();
        Map<String, Object> infection = new java.util.HashMap<>(IntakeAnswers.clean());
        infection.put("activeInfectionOrInflammation", true);
        atScreening("frontdesk").body(infection).put("/api/intakes/" + infected).then().statusCode(200);
        String policy = atScreening("admin").get("/api/policy").then().statusCode(200).extract().asString();
        try {
            atScreening("admin").body(policyChange(policy, "BLOOD_THINNERS", "BLOCKED")).put("/api/policy").then().statusCode(200);

            // booking comes back (the stack restarts it) and screens both again from what screening announced
            stack.service("booking-service").awaitReady(Duration.ofMinutes(2));
            await().atMost(Duration.ofMinutes(2)).until(() -> "ON_HOLD".equals(statusOf(first)) && "ON_HOLD".equals(statusOf(second)));
            as("frontdesk").get("/api/appointments/" + first).then().body("holdReason", equalTo("SCREENING_BLOCKED"))
                    .body("rescreenDue", equalTo(false))
                    .body("screening.categories", org.hamcrest.Matchers.contains("SKIN_CONDITION"));
            // the patient is told to get in touch, and nothing medical is in the message
            await().atMost(Duration.ofSeconds(60)).until(() -> Inbox.subjects(stack.settings().imapPort(), infectedEmail)
                    .stream().anyMatch(s -> s.contains("please contact us")));
            String notice = Inbox.bodies(stack.settings().imapPort(), infectedEmail).stream()
                    .filter(b -> b.contains("contact us")).findFirst().orElseThrow();
            assertFalse(notice.toLowerCase().contains("infection"), "medical detail in the e-mail: " + notice);
        } finally {
            atScreening("admin").body(policyChange(policy, "BLOOD_THINNERS", "NEEDS_REVIEW")).put("/api/policy").then().statusCode(200);
        }
    }

    @Test
    void anAppointmentOnHoldDoesNotStopTheRescreenOfThePatientsOthers() {
        String patient = newPatientWithCleanIntake("Hela", "Hold" + UUID.randomUUID().toString().substring(0, 6),
                "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        LocalDate today = LocalDate.now(CLINIC_ZONE);
        String near = book(patient, firstFree("MICRONEEDLING", today.plusDays(10)));
        String far = as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRODERMABRASION",
                "start", firstFree("MICRODERMABRASION", today.plusDays(80)))).post("/api/appointments").then().statusCode(201)
                .body("status", equalTo("CONFIRMED")).extract().path("id");
        // answered 60 days ago: still valid for the near appointment, too old for the far one, which waits on hold
        Map<String, Object> older = new java.util.HashMap<>(IntakeAnswers.clean());
        older.put("completedOn", today.minusDays(60).toString());
        as("frontdesk").body(older).put("/api/patients/" + patient + "/intake").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "ON_HOLD".equals(statusOf(far)));
        assertEquals("CONFIRMED", statusOf(near));

        // a contraindication: the near one is screened again with the far one, on hold, among its others
        older.put("activeInfectionOrInflammation", true);
        as("frontdesk").body(older).put("/api/patients/" + patient + "/intake").then().statusCode(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> "ON_HOLD".equals(statusOf(near)));
        as("frontdesk").get("/api/appointments/" + near).then().body("holdReason", equalTo("SCREENING_BLOCKED"))
                .body("rescreenDue", equalTo(false));
        // and the front desk can still book for the patient (a consultation is never blocked by the skin)
        String consultationStart = as("frontdesk").queryParams("procedure", "CONSULTATION", "from", today.plusDays(12).toString(),
                "to", today.plusDays(19).toString(), "patientId", patient).get("/api/availability").then().statusCode(200)
                .extract().path("[0].start");
        as("frontdesk").body(Map.of("patientId", patient, "procedure", "CONSULTATION", "start", consultationStart))
                .post("/api/appointments").then().statusCode(201);
    }

    private static String firstFree(String procedure, LocalDate from) {
        return as("frontdesk").queryParams("procedure", procedure, "from", from.toString(), "to", from.plusDays(7).toString())
                .get("/api/availability").then().statusCode(200).extract().path("[0].start");
    }

    @Test
    void aMicroneedlingCanBeMovedByAFewDays() {
        String patient = newPatientWithCleanIntake("Ada");
        LocalDate from = LocalDate.now(CLINIC_ZONE).plusDays(40);
        List<String> starts = as("frontdesk")
                .queryParams("procedure", "MICRONEEDLING", "from", from.toString(), "to", from.plusDays(7).toString())
                .get("/api/availability").then().statusCode(200).extract().jsonPath().getList("start");
        String appointment = book(patient, starts.get(0));
        LocalDate day = LocalDate.parse(starts.get(0).substring(0, 10));
        // as a second booking for this patient, nothing within 28 days; as a move of this one, a few days later is fine
        as("frontdesk").queryParams("procedure", "MICRONEEDLING", "from", day.plusDays(2).toString(), "to", day.plusDays(6).toString(),
                "patientId", patient).get("/api/availability").then().statusCode(200).body("size()", equalTo(0));
        String later = as("frontdesk").queryParams("procedure", "MICRONEEDLING", "from", day.plusDays(2).toString(),
                "to", day.plusDays(6).toString(), "appointmentId", appointment).get("/api/availability").then().statusCode(200)
                .body("size()", greaterThan(0)).extract().path("[0].start");
        as("frontdesk").body(Map.of("start", later)).post("/api/appointments/" + appointment + "/reschedule").then().statusCode(200)
                .body("status", equalTo("CONFIRMED")).body("start", equalTo(later));
    }

    @Test
    void aCorrectionAMergeAndAnErasureReachAllThreeDatabasesAndThePatientsInbox() {
        int imap = stack.settings().imapPort();
        String first = "e2e-rec-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String corrected = "e2e-rec-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String duplicateEmail = "e2e-dup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String patient = newPatientWithCleanIntake("Maja", first);
        LocalDate from = LocalDate.now(CLINIC_ZONE).plusDays(10);
        List<String> starts = as("frontdesk")
                .queryParams("procedure", "MICRONEEDLING", "from", from.toString(), "to", from.plusDays(20).toString())
                .get("/api/availability").then().statusCode(200).extract().jsonPath().getList("start");
        String booked = book(patient, starts.get(0));
        // consultations (no safety rules) a few days earlier, so the merged record's bookings all stay clear
        List<String> consultations = as("frontdesk").queryParams("procedure", "CONSULTATION", "from", from.minusDays(6).toString(),
                "to", from.minusDays(3).toString()).get("/api/availability").then().statusCode(200).extract().jsonPath().getList("start");
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(imap, first).size() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> ContentDatabase.value(stack,
                "SELECT count(*) FROM outbound_message WHERE appointment_id = ?::uuid AND status = 'PENDING'", booked) != null
                && !"0".equals(ContentDatabase.value(stack,
                "SELECT count(*) FROM outbound_message WHERE appointment_id = ?::uuid AND status = 'PENDING'", booked)));

        // correction: booking keeps the new version; content readdresses the reminders not yet sent
        as("frontdesk").body(Map.of("firstName", "Marta", "lastName", "Crash", "email", corrected, "dateOfBirth", "1990-01-01"))
                .put("/api/patients/" + patient).then().statusCode(200).body("email", equalTo(corrected));
        assertEquals("2", database("booking", "SELECT contact_version FROM patient WHERE id = ?::uuid", patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> "0".equals(ContentDatabase.value(stack,
                "SELECT count(*) FROM outbound_message WHERE appointment_id = ?::uuid AND status = 'PENDING' AND recipient <> '"
                        + corrected + "'", booked)));
        assertTrue(ContentDatabase.value(stack, "SELECT body_text FROM outbound_message WHERE appointment_id = ?::uuid "
                + "AND status = 'PENDING' ORDER BY seq LIMIT 1", booked).contains("Dear Marta,"));
        String second = consultation(patient, consultations.get(0));
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(imap, corrected).size() == 1);
        assertTrue(Inbox.bodies(imap, corrected).get(0).contains("Dear Marta"), "the corrected name");
        assertEquals(1, Inbox.subjects(imap, first).size(), "nothing more to the old address");

        // merge: the duplicate's appointment, intake and messages follow the record kept
        // a second record misspelt at the desk: registration refuses an exact one (possible-duplicate-patient)
        String duplicate = newPatientWithCleanIntake("Marta", "Krash", duplicateEmail);
        String duplicates = consultation(duplicate, consultations.get(consultations.size() - 1));
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(imap, duplicateEmail).size() == 1);
        as("frontdesk").body(Map.of("duplicateId", duplicate)).post("/api/patients/" + patient + "/merge").then().statusCode(403);
        as("admin").body(Map.of("duplicateId", duplicate)).post("/api/patients/" + patient + "/merge").then().statusCode(200)
                .body("appointmentsMoved", equalTo(1));
        as("frontdesk").get("/api/patients/" + duplicate).then().statusCode(410).body("mergedInto", equalTo(patient));
        assertEquals(patient, database("booking", "SELECT patient_id::text FROM appointment WHERE id = ?::uuid", duplicates));
        await().atMost(Duration.ofSeconds(30)).until(() -> patient.equals(database("screening",
                "SELECT survivor_id::text FROM patient_merge WHERE duplicate_id = ?::uuid", duplicate)));
        await().atMost(Duration.ofSeconds(30)).until(() -> "0".equals(ContentDatabase.value(stack,
                "SELECT count(*) FROM outbound_message WHERE appointment_id = ?::uuid AND (patient_id <> '" + patient
                        + "' OR (status = 'PENDING' AND recipient <> '" + corrected + "'))", duplicates)));
        as("frontdesk").get("/api/patients/" + patient + "/messages").then().statusCode(200)
                .body("appointmentId", hasItem(duplicates));
        as("frontdesk").body(Map.of("reason", "PATIENT_REQUEST")).post("/api/appointments/" + duplicates + "/cancel")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(imap, corrected).stream().anyMatch(s -> s.contains("cancelled")));
        assertEquals(1, Inbox.subjects(imap, duplicateEmail).size(), "the duplicate's address hears nothing more");

        // erasure: refused while an appointment is to happen, then contact data, intakes and messages go everywhere
        as("admin").delete("/api/patients/" + patient).then().statusCode(409);
        for (String appointment : List.of(booked, second)) {
            as("frontdesk").body(Map.of("reason", "PATIENT_REQUEST")).post("/api/appointments/" + appointment + "/cancel")
                    .then().statusCode(200);
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> Inbox.subjects(imap, corrected).stream()
                .filter(s -> s.contains("cancelled")).count() == 3);
        as("frontdesk").delete("/api/patients/" + patient).then().statusCode(403);
        as("admin").delete("/api/patients/" + patient).then().statusCode(200).body("mergedPatientIds", hasItem(duplicate));
        as("frontdesk").get("/api/patients/" + patient).then().statusCode(410);
        assertEquals(null, database("booking", "SELECT coalesce(first_name, email) FROM patient WHERE id = ?::uuid", patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> "2".equals(database("screening",
                "SELECT count(*) FROM erased_patient WHERE patient_id IN (?::uuid, '" + duplicate + "')", patient)));
        assertEquals("0", database("screening", "SELECT count(*) FROM intake i WHERE i.patient_id IN (?::uuid, '" + duplicate
                + "') AND NOT EXISTS (SELECT 1 FROM screening_decision d WHERE d.patient_id = i.patient_id "
                + "AND d.intake_version = i.version)", patient), "only intakes a decision rests on are kept (the audit)");
        await().atMost(Duration.ofSeconds(30)).until(() -> "0".equals(ContentDatabase.value(stack,
                "SELECT count(*) FROM outbound_message WHERE patient_id = ?::uuid AND (recipient IS NOT NULL OR subject IS NOT NULL "
                        + "OR status IN ('PENDING', 'SENDING', 'FAILED_RETRYING', 'UNCERTAIN'))", patient)));
        assertEquals("6", ContentDatabase.value(stack, "SELECT count(*) FROM outbound_message WHERE patient_id = ?::uuid "
                + "AND status = 'SENT' AND erased_at IS NOT NULL", patient), "the delivery records stay: 3 confirmations, 3 cancellations");
        assertEquals(null, ContentDatabase.value(stack, "SELECT email FROM patient_record WHERE patient_id = ?::uuid", patient));
        assertEquals(4, Inbox.subjects(imap, corrected).size(), "nothing more reaches the patient");
    }

    private static String consultation(String patient, String start) {
        return as("frontdesk").body(Map.of("patientId", patient, "procedure", "CONSULTATION", "start", start))
                .post("/api/appointments").then().statusCode(201).body("status", equalTo("CONFIRMED")).extract().path("id");
    }

    /** The first column of the first row of a query on one service's database, or null. */
    private static String database(String name, String sql, String parameter) {
        try (var connection = java.sql.DriverManager.getConnection(stack.jdbcUrl(name), ExternalServers.postgresUser(),
                ExternalServers.postgresPassword()); var query = connection.prepareStatement(sql)) {
            query.setString(1, parameter);
            try (var rows = query.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newPatientWithCleanIntake(String firstName) {
        return newPatientWithCleanIntake(firstName, "e2e-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
    }

    private static String statusOf(String appointment) {
        return as("frontdesk").get("/api/appointments/" + appointment).then().extract().path("status");
    }

    /** The active policy's numbers as a change request, with one rule's outcome set. */
    private static String policyChange(String activePolicy, String ruleId, String outcome) throws Exception {
        var json = new com.fasterxml.jackson.databind.ObjectMapper();
        var active = json.readTree(activePolicy);
        var change = json.createObjectNode();
        change.set("windows", active.get("windows"));
        var intervals = change.putArray("intervals");
        active.get("intervals").forEach(i -> intervals.addObject().put("from", i.get("from").asText())
                .put("to", i.get("to").asText()).put("minimumDays", i.get("minimumDays").asInt())
                .put("sameDayBlocked", i.get("sameDayBlocked").asBoolean()));
        change.putArray("rules").addObject().put("id", ruleId).put("outcome", outcome);
        change.put("changeNote", "end-to-end test");
        return json.writeValueAsString(change);
    }

    private static RequestSpecification atScreening(String user) {
        return given().baseUri("http://127.0.0.1:" + stack.settings().screeningPort()).auth().preemptive().basic(user, user)
                .contentType(ContentType.JSON);
    }

    private static String newPatientWithCleanIntake(String firstName, String email) {
        return newPatientWithCleanIntake(firstName, "Crash", email);
    }

    private static String newPatientWithCleanIntake(String firstName, String lastName, String email) {
        String patient = as("frontdesk").body(Map.of("firstName", firstName, "lastName", lastName,
                "email", email, "dateOfBirth", "1990-01-01"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        as("frontdesk").body(IntakeAnswers.clean()).put("/api/patients/" + patient + "/intake").then().statusCode(200);
        return patient;
    }

    private static String book(String patient, String start) {
        return as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRONEEDLING", "start", start))
                .post("/api/appointments").then().statusCode(201).body("status", equalTo("CONFIRMED")).extract().path("id");
    }

    private static int unpublishedEvents(String... appointments) throws Exception {
        return Integer.parseInt(outbox("SELECT count(*) FROM outbox_event WHERE published_at IS NULL AND aggregate_id = ANY (?::uuid[])",
                appointments).get(0));
    }

    private static List<String> outboxEventIds(String appointment) throws Exception {
        return outbox("SELECT event_id::text FROM outbox_event WHERE aggregate_id = ANY (?::uuid[]) ORDER BY id", appointment);
    }

    private static List<String> outboxEventTypes(String appointment) throws Exception {
        return outbox("SELECT event_type FROM outbox_event WHERE aggregate_id = ANY (?::uuid[]) ORDER BY id", appointment);
    }

    /** One column of a query on booking's outbox, read straight from its database. */
    private static List<String> outbox(String sql, String... appointments) throws Exception {
        try (var connection = java.sql.DriverManager.getConnection(stack.jdbcUrl("booking"), ExternalServers.postgresUser(),
                ExternalServers.postgresPassword()); var query = connection.prepareStatement(sql)) {
            query.setArray(1, connection.createArrayOf("text", appointments));
            List<String> values = new java.util.ArrayList<>();
            try (var rows = query.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getString(1));
                }
            }
            return values;
        }
    }

    private static RequestSpecification as(String user) {
        return given().baseUri(stack.settings().bookingUrl()).auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
