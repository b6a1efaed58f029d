package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import clinic.booking.support.Api;
import clinic.booking.support.EventLog;
import clinic.booking.support.ScreeningStub;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the front desk's screens read and the admin's closures: the calendar in one request with
 * names, closures that are never offered, the search box, and the live change stream.
 */
@QuarkusTest
class FrontDeskReadsTest {

    @TestHTTPResource("/api/changes")
    URL changes;

    @BeforeEach
    void reset() {
        ScreeningStub.reset();
    }

    private static String patient(String first, String last, String phone, String born) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("firstName", first, "lastName", last,
                "email", first.toLowerCase() + "." + UUID.randomUUID().toString().substring(0, 8) + "@example.com",
                "dateOfBirth", born));
        if (phone != null) {
            body.put("phone", phone);
        }
        return as("frontdesk").body(body).post("/api/patients").then().statusCode(201).extract().path("id");
    }

    @Test
    void aClosedDayIsNeverOfferedAndBookingsIntoItAreRefusedWithTheReason() {
        LocalDate day = Api.freshTuesday();
        String patient = Api.newPatient();
        String booked = as("frontdesk").body(Api.booking(patient, "CONSULTATION", Api.at(day, 10, 0)))
                .post("/api/appointments").then().statusCode(201).extract().path("id");
        as("frontdesk").get("/api/availability?procedure=CONSULTATION&from=" + day + "&to=" + day)
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.greaterThan(0));

        Map<String, Object> closure = Map.of("firstDay", day.toString(), "lastDay", day.toString(), "reason", "Public holiday");
        as("frontdesk").body(closure).post("/api/closures").then().statusCode(403);
        as("admin").body(Map.of("firstDay", day.toString(), "lastDay", day.minusDays(1).toString(), "reason", "x"))
                .post("/api/closures").then().statusCode(400).body("errors.field", hasItem("lastDay"));
        String closureId = as("admin").body(closure).post("/api/closures").then().statusCode(201)
                .body("affected.id", hasItem(booked))
                .extract().path("closure.id");

        as("frontdesk").get("/api/availability?procedure=CONSULTATION&from=" + day + "&to=" + day)
                .then().statusCode(200).body("size()", equalTo(0));
        as("frontdesk").get("/api/availability?procedure=CONSULTATION&from=" + day.minusDays(1) + "&to=" + day.plusDays(1))
                .then().statusCode(200).body("start.findAll { it.startsWith('" + day + "') }", hasSize(0))
                .body("size()", org.hamcrest.Matchers.greaterThan(0));
        as("frontdesk").body(Api.booking(Api.newPatient(), "CONSULTATION", Api.at(day, 15, 0))).post("/api/appointments")
                .then().statusCode(422).body("type", equalTo("urn:clinic:problem:clinic-closed"))
                .body("detail", equalTo("The clinic is closed on " + Api.deskDay(day) + " (Public holiday)."))
                .body("errors.field", hasItem("start"));
        as("frontdesk").get("/api/closures?from=" + day + "&to=" + day).then().statusCode(200)
                .body("reason", hasItem("Public holiday"));
        as("frontdesk").get("/api/calendar?from=" + day).then().statusCode(200).body("closures.id", hasItem(closureId));

        as("admin").delete("/api/closures/" + closureId).then().statusCode(204);
        as("frontdesk").get("/api/availability?procedure=CONSULTATION&from=" + day + "&to=" + day)
                .then().statusCode(200).body("size()", org.hamcrest.Matchers.greaterThan(0));
        as("admin").delete("/api/closures/" + closureId).then().statusCode(404);
        // the booked appointment heard of both, in order, with its status unchanged
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(booked).size() == 3);
        assertEquals(List.of("AppointmentConfirmed", "AppointmentDayClosed", "AppointmentDayReopened"),
                EventLog.of(booked).stream().map(EventLog.Event::type).toList());
        assertEquals(List.of("CONFIRMED", "CONFIRMED", "CONFIRMED"),
                EventLog.of(booked).stream().map(e -> e.value().get("status").asText()).toList());
        as("frontdesk").get("/api/appointments/" + booked).then().statusCode(200).body("status", equalTo("CONFIRMED"));
    }

    @Test
    void aDayStaysClosedForItsAppointmentsWhileAnyClosureCoversIt() {
        LocalDate day = Api.freshTuesday();
        String booked = as("frontdesk").body(Api.booking(Api.newPatient(), "CONSULTATION", Api.at(day, 11, 0)))
                .post("/api/appointments").then().statusCode(201).extract().path("id");
        String cancelled = as("frontdesk").body(Api.booking(Api.newPatient(), "CONSULTATION", Api.at(day, 14, 0)))
                .post("/api/appointments").then().statusCode(201).extract().path("id");
        as("frontdesk").body(Map.of("reason", "PATIENT_REQUEST")).post("/api/appointments/" + cancelled + "/cancel")
                .then().statusCode(200);
        String holiday = as("admin").body(Map.of("firstDay", day.toString(), "reason", "Holiday"))
                .post("/api/closures").then().statusCode(201).extract().path("closure.id");
        String week = as("admin").body(Map.of("firstDay", day.minusDays(1).toString(), "lastDay", day.plusDays(3).toString(),
                "reason", "Refurbishment")).post("/api/closures").then().statusCode(201).extract().path("closure.id");
        as("admin").delete("/api/closures/" + holiday).then().statusCode(204);
        as("admin").delete("/api/closures/" + week).then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(booked).size() == 4);
        // closed twice (each closure tells it), opened once: only when the last closure over it went
        assertEquals(List.of("AppointmentConfirmed", "AppointmentDayClosed", "AppointmentDayClosed", "AppointmentDayReopened"),
                EventLog.of(booked).stream().map(EventLog.Event::type).toList());
        // a cancelled appointment holds no time on the day and hears of neither
        assertEquals(List.of("AppointmentConfirmed", "AppointmentCancelled"),
                EventLog.of(cancelled).stream().map(EventLog.Event::type).toList());
    }

    @Test
    void aPractitionersTimeOffTellsTheAppointmentsItCoversAndItsRemovalThoseNoOtherCovers() {
        LocalDate day = Api.freshTuesday();
        String morning = as("frontdesk").body(Map.of("patientId", Api.newPatient(), "procedure", "CONSULTATION",
                "start", Api.at(day, 10, 0), "practitionerId", Api.EWA)).post("/api/appointments").then().statusCode(201).extract().path("id");
        String afternoon = as("frontdesk").body(Map.of("patientId", Api.newPatient(), "procedure", "CONSULTATION",
                "start", Api.at(day, 15, 0), "practitionerId", Api.EWA)).post("/api/appointments").then().statusCode(201).extract().path("id");
        String withAnother = as("frontdesk").body(Map.of("patientId", Api.newPatient(), "procedure", "CONSULTATION",
                "start", Api.at(day, 10, 0), "practitionerId", Api.ANNA)).post("/api/appointments").then().statusCode(201).extract().path("id");
        String timeOff = "/api/catalog/practitioners/" + Api.EWA + "/time-off";
        String wholeDay = as("admin").body(Map.of("start", Api.at(day, 0, 0), "end", Api.at(day.plusDays(1), 0, 0), "reason", "Sick leave"))
                .post(timeOff).then().statusCode(201).extract().path("id");
        String morningOff = as("admin").body(Map.of("start", Api.at(day, 8, 0), "end", Api.at(day, 12, 0), "reason", "Training"))
                .post(timeOff).then().statusCode(201).extract().path("id");
        as("admin").delete(timeOff + "/" + wholeDay).then().statusCode(204);

        // the afternoon is free again; the morning stays away while the training covers it
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(afternoon).size() == 3 && EventLog.of(morning).size() == 3);
        assertEquals(List.of("AppointmentConfirmed", "AppointmentPractitionerAway", "AppointmentPractitionerBack"),
                EventLog.of(afternoon).stream().map(EventLog.Event::type).toList());
        assertEquals(List.of("AppointmentConfirmed", "AppointmentPractitionerAway", "AppointmentPractitionerAway"),
                EventLog.of(morning).stream().map(EventLog.Event::type).toList());
        as("admin").delete(timeOff + "/" + morningOff).then().statusCode(204);
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(morning).size() == 4);
        assertEquals("AppointmentPractitionerBack", EventLog.of(morning).get(3).type());
        assertEquals("CONFIRMED", EventLog.of(morning).get(3).value().get("status").asText(), "the status does not change");
        // another practitioner's appointment at the same time hears of none of it
        assertEquals(List.of("AppointmentConfirmed"), EventLog.of(withAnother).stream().map(EventLog.Event::type).toList());
    }

    @Test
    void aWeekIsOneRequestWithEveryPatientsName() {
        LocalDate tuesday = Api.freshTuesday();
        String first = patient("Weronika", "Calendar" + UUID.randomUUID().toString().substring(0, 6), null, "1985-01-02");
        String second = patient("Ilona", "Calendar" + UUID.randomUUID().toString().substring(0, 6), null, "1986-01-02");
        as("frontdesk").body(Api.booking(first, "CONSULTATION", Api.at(tuesday, 9, 0))).post("/api/appointments").then().statusCode(201);
        as("frontdesk").body(Map.of("patientId", second, "procedure", "CONSULTATION", "start", Api.at(tuesday.plusDays(2), 11, 0),
                "practitionerId", Api.EWA)).post("/api/appointments").then().statusCode(201);
        LocalDate monday = tuesday.minusDays(1);
        var week = as("clinician").get("/api/calendar?from=" + monday + "&to=" + monday.plusDays(6)).then().statusCode(200)
                .body("appointments.patientId", hasItem(first)).body("appointments.patientId", hasItem(second))
                .body("patients.find { it.id == '" + first + "' }.firstName", equalTo("Weronika"))
                .body("patients.find { it.id == '" + second + "' }.firstName", equalTo("Ilona"))
                .extract().jsonPath();
        assertEquals(week.getList("appointments").size(), week.getList("patients").size(), "one name per patient shown");
        as("frontdesk").get("/api/calendar?from=" + monday + "&to=" + monday.plusDays(6) + "&practitionerId=" + Api.EWA)
                .then().statusCode(200).body("appointments.practitionerId", not(hasItem(Api.ANNA)))
                .body("appointments.patientId", hasItem(second)).body("appointments.patientId", not(hasItem(first)));
        as("frontdesk").get("/api/calendar?from=" + monday + "&to=" + monday.plusDays(60)).then().statusCode(400)
                .body("errors.field", hasItem("to"));
        as("frontdesk").get("/api/calendar").then().statusCode(400).body("errors.field", hasItem("from"));
    }

    @Test
    void searchFindsANameInAnyOrderAPhoneHoweverSpacedAnEmailAndADateOfBirth() {
        String tag = UUID.randomUUID().toString().substring(0, 6);
        String alpha = patient("Alpha", "Walk" + tag, "+48 600 " + (100 + Math.abs(tag.hashCode() % 900)) + " 321", "1991-05-17");
        String digits = as("frontdesk").get("/api/patients/" + alpha).then().extract().path("phone");
        as("frontdesk").queryParam("query", "Alpha Walk" + tag).get("/api/patients").then().statusCode(200).body("id", hasItem(alpha));
        as("frontdesk").queryParam("query", "walk" + tag + " alpha").get("/api/patients").then().body("id", hasItem(alpha));
        as("frontdesk").queryParam("query", "Beta Walk" + tag).get("/api/patients").then().body("id", not(hasItem(alpha)));
        as("frontdesk").queryParam("query", digits.replace(" ", "")).get("/api/patients").then().body("id", hasItem(alpha));
        as("frontdesk").queryParam("query", digits.replace("+48 ", "")).get("/api/patients").then().body("id", hasItem(alpha));
        // a word with letters is a name or an e-mail, never a phone number: its digits alone find no one
        as("frontdesk").queryParam("query", "walk" + digits.replaceAll("[^0-9]", "").substring(5)).get("/api/patients").then()
                .body("id", not(hasItem(alpha)));
        as("frontdesk").queryParam("query", "17.05.1991 walk" + tag).get("/api/patients").then().body("id", hasItem(alpha));
        as("frontdesk").queryParam("query", "1991-05-17").get("/api/patients").then().body("id", hasItem(alpha));
        as("frontdesk").queryParam("query", "18.05.1991 walk" + tag).get("/api/patients").then().body("id", not(hasItem(alpha)));
        as("frontdesk").queryParam("query", "alpha." ).get("/api/patients").then().body("id", hasItem(alpha));
        as("frontdesk").queryParam("query", "100%_").get("/api/patients").then().statusCode(200).body("id", not(hasItem(alpha)));
    }

    @Test
    void theChangeStreamAnnouncesACommittedBookingToEveryListeningScreen() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(changes.toString()))
                .header("Accept", "text/event-stream")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("frontdesk:frontdesk".getBytes(StandardCharsets.UTF_8)))
                .build();
        assertEquals(401, http.send(HttpRequest.newBuilder(URI.create(changes.toString())).build(),
                HttpResponse.BodyHandlers.discarding()).statusCode(), "the stream needs a staff role");
        HttpResponse<InputStream> response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture<Void> reader = CompletableFuture.runAsync(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    lines.add(line);
                }
            } catch (java.io.IOException closed) {
                // the test closes the stream at the end
            }
        });
        try {
            assertTrue(poll(lines, "\"hello\"", Duration.ofSeconds(10)), "the stream says hello first");
            String booked = as("frontdesk").body(Api.booking(Api.newPatient(), "CONSULTATION", Api.at(Api.freshTuesday(), 12, 0)))
                    .post("/api/appointments").then().statusCode(201).extract().path("id");
            assertTrue(poll(lines, booked, Duration.ofSeconds(10)), "the booking is announced with its id");
        } finally {
            response.body().close();
            reader.cancel(true);
        }
    }

    private static boolean poll(LinkedBlockingQueue<String> lines, String wanted, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(200, TimeUnit.MILLISECONDS);
            if (line != null && line.startsWith("data:") && line.contains(wanted)) {
                return true;
            }
        }
        return false;
    }

    @Test
    void theClinicSaysHowItWritesDates() {
        as("frontdesk").get("/api/clinic").then().statusCode(200).body("timeZone", equalTo("Europe/Warsaw"))
                .body("dateFormat", equalTo("dd.MM.yyyy"));
    }

}
