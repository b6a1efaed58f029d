package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import clinic.booking.screening.ScreeningDecision;
import clinic.booking.service.RescreenWorker;
import clinic.booking.service.Rescreening;
import clinic.booking.support.Api;
import clinic.booking.support.BookingDatabase;
import clinic.booking.support.EventLog;
import clinic.booking.support.MovableClock;
import clinic.booking.support.ScreeningEventsTopic;
import clinic.booking.support.ScreeningStub;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A confirmed or pending appointment always rests on a current decision. Every change to what a
 * decision rests on (an intake recorded here or at screening, a new policy version) makes the
 * patient's upcoming appointments owed a re-screen, which is done on booking's own account and
 * retried until it is; meanwhile the appointment says so and cannot be checked in.
 */
@QuarkusTest
class RescreenTest {

    @Inject
    MovableClock clock;

    @Inject
    Rescreening rescreening;

    @Inject
    RescreenWorker worker;

    @BeforeEach
    void reset() {
        ScreeningStub.reset();
    }

    @AfterEach
    void realTime() {
        ScreeningStub.reset();
        clock.reset();
    }

    @Test
    void anIntakeRecordedAtScreeningTakesABlockedAppointmentOutOfConfirmedAndTellsThePatient() {
        String patient = Api.newPatient();
        String id = book(patient, Api.freshTuesday(), 10);
        ScreeningStub.outcome(request -> "BLOCKED");

        // recorded at screening-service, not here: booking hears of it only through screening's event
        ScreeningEventsTopic.intakeRecorded(patient, ScreeningStub.recordIntakeElsewhere(patient));

        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(status(id)));
        as("frontdesk").get("/api/appointments/" + id).then()
                .body("holdReason", equalTo("SCREENING_BLOCKED"))
                .body("rescreenDue", equalTo(false))
                .body("screening.outcome", equalTo("BLOCKED"))
                .body("screening.categories", hasItem("PROCEDURE_INTERVAL"))
                .body("actions", not(hasItem("CHECK_IN")))
                .body("actions", hasItem("RESCHEDULE"));
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(id).size() == 2);
        EventLog.Event held = EventLog.of(id).get(1);
        assertEquals("AppointmentOnHold", held.type());
        assertEquals("SCREENING_BLOCKED", held.value().get("reasonCode").asText());
        // the re-screen was booking's own, not a person's
        String service = "Basic " + Base64.getEncoder().encodeToString("booking-service:booking-service".getBytes(StandardCharsets.UTF_8));
        assertEquals(service, ScreeningStub.callers().get(ScreeningStub.callers().size() - 1));
    }

    @Test
    void whileScreeningCannotAnswerTheDebtStaysVisibleBlocksCheckInAndIsPaidOnceItCan() {
        String patient = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        String id = book(patient, day, 11);
        ScreeningStub.mode(ScreeningStub.Mode.SCREENINGS_DOWN);

        // the intake is stored (by screening) but the re-screen cannot be made now
        as("frontdesk").body(Api.cleanIntake()).put("/api/patients/" + patient + "/intake").then().statusCode(200)
                .body("rescreened[0].appointmentId", equalTo(id))
                .body("rescreened[0].status", equalTo("CONFIRMED"))
                .body("rescreened[0].rescreenDue", equalTo(true));
        clock.moveTo(OffsetDateTime.parse(Api.at(day, 10, 30)).toInstant());
        as("frontdesk").get("/api/appointments/" + id).then()
                .body("status", equalTo("CONFIRMED"))
                .body("rescreenDue", equalTo(true))
                .body("actions", not(hasItem("CHECK_IN")));
        // and without screening's answer nobody is checked in at all
        as("frontdesk").post("/api/appointments/" + id + "/check-in").then().statusCode(503);

        ScreeningStub.mode(ScreeningStub.Mode.UP);
        await().atMost(Duration.ofSeconds(60)).until(() -> !Boolean.TRUE.equals(
                as("frontdesk").get("/api/appointments/" + id).then().extract().path("rescreenDue")));
        as("frontdesk").post("/api/appointments/" + id + "/check-in").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN"));
    }

    @Test
    void aChangeNotYetAnnouncedStillStopsTheCheckInAndTheCompletion() {
        String patient = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        String id = book(patient, day, 12);
        clock.moveTo(OffsetDateTime.parse(Api.at(day, 12, 5)).toInstant());

        // an intake recorded at screening whose event has not reached booking: check-in asks screening first.
        // The check-in wakes the worker, which (screening still clears) could decide before the check-in reads
        // the debt and let it through; the worker's lease keeps it away until the refusal was seen.
        leaseToTheWorker(id);
        ScreeningStub.recordIntakeElsewhere(patient);
        as("frontdesk").post("/api/appointments/" + id + "/check-in").then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:rescreen-pending"));
        releaseToTheWorker(id);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Boolean.TRUE.equals(
                as("frontdesk").get("/api/appointments/" + id).then().extract().path("rescreenDue")));
        as("frontdesk").post("/api/appointments/" + id + "/check-in").then().statusCode(200);

        // the same just before the procedure is recorded, and screening now blocks: out of the chair
        ScreeningStub.recordIntakeElsewhere(patient);
        ScreeningStub.outcome(request -> "BLOCKED");
        // refused either way: while the re-screen is owed, or (when the woken worker was quicker) as on hold
        as("clinician").post("/api/appointments/" + id + "/complete").then().statusCode(409)
                .body("type", org.hamcrest.Matchers.oneOf("urn:clinic:problem:rescreen-pending", "urn:clinic:problem:illegal-transition"));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(status(id)));
        as("clinician").post("/api/appointments/" + id + "/complete").then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:illegal-transition"));
    }

    @Test
    void aNewPolicyVersionReachesEveryUpcomingAppointment() {
        LocalDate day = Api.freshTuesday();
        String first = book(Api.newPatient(), day, 10);
        String second = book(Api.newPatient(), day, 12);
        String before = decisionOf(second);
        ScreeningStub.outcome(request -> request.path("start").asText().startsWith(day + "T10") ? "NEEDS_REVIEW" : "CLEARED");

        ScreeningEventsTopic.policyPublished(ScreeningStub.publishPolicy());

        await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING_REVIEW".equals(status(first)));
        await().atMost(Duration.ofSeconds(30)).until(() -> !before.equals(decisionOf(second)));
        as("frontdesk").get("/api/appointments/" + second).then().body("status", equalTo("CONFIRMED"))
                .body("rescreenDue", equalTo(false));
        await().atMost(Duration.ofSeconds(20)).until(() -> EventLog.of(first).size() == 2);
        assertEquals(List.of("AppointmentConfirmed", "AppointmentPendingReview"),
                EventLog.of(first).stream().map(EventLog.Event::type).toList());
        // the confirmed one stayed confirmed: nothing to tell its patient
        assertEquals(1, EventLog.of(second).size());
    }

    @Test
    void anUnreadableScreeningEventIsSetAsideAndTheNextOneIsRead() {
        String patient = Api.newPatient();
        String id = book(patient, Api.freshTuesday(), 14);
        ScreeningStub.outcome(request -> "NEEDS_REVIEW");
        ScreeningEventsTopic.send(patient, "{\"type\":\"IntakeRecorded\",\"patientId\":\"not an id\"");
        ScreeningEventsTopic.send(patient, "{\"type\":\"IntakeRecorded\",\"patientId\":\"" + patient + "\",\"intakeVersion\":-1}");
        ScreeningEventsTopic.intakeRecorded(patient, ScreeningStub.recordIntakeElsewhere(patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING_REVIEW".equals(status(id)));
    }

    @Test
    void aRepeatedOrOlderEventChangesNothing() {
        String patient = Api.newPatient();
        String id = book(patient, Api.freshTuesday(), 15);
        String first = decisionOf(id);
        ScreeningEventsTopic.intakeRecorded(patient, ScreeningStub.recordIntakeElsewhere(patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> !first.equals(decisionOf(id)));
        String second = decisionOf(id);
        int screenings = ScreeningStub.screenings();

        // the same event again, and an old policy version: nothing is owed
        ScreeningEventsTopic.intakeRecorded(patient, ScreeningStub.intakeVersion(patient));
        ScreeningEventsTopic.policyPublished(1);
        // a later real change on the same key comes after them, so when it is applied they were read
        ScreeningEventsTopic.intakeRecorded(patient, ScreeningStub.recordIntakeElsewhere(patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> !second.equals(decisionOf(id)));
        assertEquals(screenings + 1, ScreeningStub.screenings(), "screened once more, for the real change only");
    }

    @Test
    void aBookingWhoseDecisionWasOvertakenWhileScreeningSaysSoInItsAnswer() {
        String patient = Api.newPatient();
        ScreeningStub.outcome(request -> {
            // booking hears of a newer intake while screening decides on the one before it
            BookingDatabase.execute("UPDATE patient SET intake_version = intake_version + 1 WHERE id = '" + patient + "'");
            return "CLEARED";
        });
        String id = as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRONEEDLING",
                "start", Api.at(Api.freshTuesday(), 16, 0))).post("/api/appointments")
                .then().statusCode(201)
                .body("status", equalTo("CONFIRMED"))
                .body("rescreenDue", equalTo(true))
                .extract().path("id");

        ScreeningStub.outcome(request -> "CLEARED");
        ScreeningStub.recordIntakeElsewhere(patient);
        await().atMost(Duration.ofSeconds(30)).until(() -> !Boolean.TRUE.equals(
                as("frontdesk").get("/api/appointments/" + id).then().extract().path("rescreenDue")));
    }

    @Test
    void anIntakesAnswerNamesEveryUpcomingAppointmentThoughTheWorkerReachedThemFirst() {
        String patient = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        String decidedByTheWorker = book(patient, day, 9);
        String leasedByTheWorker = book(patient, day.plusDays(7), 9);
        ScreeningStub.outcome(request -> "BLOCKED");
        // as on a busy machine: screening's event about the intake reaches booking before its answer does,
        // and when the desk's request looks, the worker has decided one appointment and is screening the other
        ScreeningStub.onIntake((patientId, version) -> {
            leaseToTheWorker(leasedByTheWorker);
            ScreeningEventsTopic.intakeRecorded(patientId, version);
            await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(status(decidedByTheWorker)));
        });

        as("frontdesk").body(Api.cleanIntake()).put("/api/patients/" + patient + "/intake").then().statusCode(200)
                .body("rescreened.appointmentId", equalTo(List.of(decidedByTheWorker, leasedByTheWorker)))
                .body("rescreened.status", equalTo(List.of("ON_HOLD", "ON_HOLD")))
                .body("rescreened.outcome", equalTo(List.of("BLOCKED", "BLOCKED")))
                .body("rescreened.rescreenDue", equalTo(List.of(false, false)));
        as("frontdesk").get("/api/appointments/" + leasedByTheWorker).then()
                .body("status", equalTo("ON_HOLD")).body("rescreenDue", equalTo(false));
    }

    @Test
    void anAppointmentDecidedByAnotherLookWhileTheDeskScreensItIsAnsweredAsItStandsNotScreenedAgain() {
        String patient = Api.newPatient();
        String id = book(patient, Api.freshTuesday(), 9);
        leaseToTheWorker(id); // so that only the two looks below screen it
        AtomicBoolean deskAsking = new AtomicBoolean(true);
        ScreeningStub.outcome(request -> {
            if (deskAsking.getAndSet(false)) {
                // while screening answers the desk's look, another look decides on the same new answers
                assertEquals(ScreeningDecision.Outcome.BLOCKED, rescreening.rescreen(UUID.fromString(id)).outcome());
            }
            return "BLOCKED";
        });
        int screeningsBefore = ScreeningStub.screenings();

        as("frontdesk").body(Api.cleanIntake()).put("/api/patients/" + patient + "/intake").then().statusCode(200)
                .body("rescreened.appointmentId", equalTo(List.of(id)))
                .body("rescreened.status", equalTo(List.of("ON_HOLD")))
                .body("rescreened.outcome", equalTo(List.of("BLOCKED")))
                .body("rescreened.rescreenDue", equalTo(List.of(false)));
        assertEquals(2, ScreeningStub.screenings() - screeningsBefore, "the desk's look screened it again");
    }

    @Test
    void anIntakesAnswerStandsThoughTheAppointmentChangedBetweenTheDesksReadAndItsWrite() throws Exception {
        String patient = Api.newPatient();
        String id = book(patient, Api.freshTuesday(), 9);
        leaseToTheWorker(id);
        AtomicBoolean deskAsking = new AtomicBoolean(true);
        AtomicReference<CompletableFuture<Void>> committed = new AtomicReference<>();
        try (var other = BookingDatabase.connect()) {
            other.setAutoCommit(false);
            ScreeningStub.outcome(request -> {
                if (deskAsking.getAndSet(false)) {
                    // another writer changes the appointment and commits only once the desk's write waits for it,
                    // so the desk read the version before that change and writes after it
                    try (var sql = other.createStatement()) {
                        sql.executeUpdate("UPDATE appointment SET version = version + 1 WHERE id = '" + id + "'");
                    } catch (java.sql.SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    committed.set(CompletableFuture.runAsync(() -> {
                        await().atMost(Duration.ofSeconds(20)).until(RescreenTest::aWriteWaitsForALock);
                        try {
                            other.commit();
                        } catch (java.sql.SQLException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
                }
                return "BLOCKED";
            });

            as("frontdesk").body(Api.cleanIntake()).put("/api/patients/" + patient + "/intake").then().statusCode(200)
                    .body("rescreened.appointmentId", equalTo(List.of(id)))
                    .body("rescreened.status", equalTo(List.of("ON_HOLD")))
                    .body("rescreened.outcome", equalTo(List.of("BLOCKED")))
                    .body("rescreened.rescreenDue", equalTo(List.of(false)));
            committed.get().get(20, TimeUnit.SECONDS);
        }
        assertEquals("ON_HOLD", status(id));
    }

    private static boolean aWriteWaitsForALock() throws java.sql.SQLException {
        try (var connection = BookingDatabase.connect(); var sql = connection.createStatement();
                var waiting = sql.executeQuery("SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                        + " AND datname = current_database()")) {
            waiting.next();
            return waiting.getInt(1) > 0;
        }
    }

    private static void leaseToTheWorker(String appointment) {
        BookingDatabase.execute("UPDATE appointment SET rescreen_not_before = now() + interval '10 minutes' WHERE id = '" + appointment + "'");
    }

    /** Ends the lease and wakes the worker, so it decides now rather than at its next poll. */
    private void releaseToTheWorker(String appointment) {
        BookingDatabase.execute("UPDATE appointment SET rescreen_not_before = NULL WHERE id = '" + appointment + "'");
        worker.wake();
    }

    @Test
    void theDatabaseRefusesAConfirmedAppointmentWhoseDecisionDidNotClearIt() throws Exception {
        ScreeningStub.outcome(request -> "NEEDS_REVIEW");
        String id = book(Api.newPatient(), Api.freshTuesday(), 9);
        try (var connection = BookingDatabase.connect(); var sql = connection.createStatement()) {
            for (String bypass : List.of(
                    "UPDATE appointment SET status = 'CONFIRMED' WHERE id = '" + id + "'",
                    "UPDATE appointment SET status = 'CONFIRMED', review_verdict = 'DENY' WHERE id = '" + id + "'",
                    "UPDATE appointment SET start_at = start_at + interval '1 day', end_at = end_at + interval '1 day',"
                            + " occupied_until = occupied_until + interval '1 day' WHERE id = '" + id + "'")) {
                java.sql.SQLException refused = org.junit.jupiter.api.Assertions.assertThrows(java.sql.SQLException.class,
                        () -> sql.executeUpdate(bypass), bypass);
                assertEquals("23514", refused.getSQLState(), bypass);
            }
        }
        assertTrue("PENDING_REVIEW".equals(status(id)));
    }

    @Test
    void aPatientCheckedInBeforeAReviewOrHoldIsStillCheckedInOnceItIsSettled() {
        String patient = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        String id = book(patient, day, 14);
        clock.moveTo(OffsetDateTime.parse(Api.at(day, 13, 50)).toInstant());
        String arrived = as("frontdesk").post("/api/appointments/" + id + "/check-in").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN")).extract().path("checkedInAt");

        // a new intake needs a clinician's look: the review comes first, the patient is still in the waiting room
        ScreeningStub.outcome(request -> "NEEDS_REVIEW");
        ScreeningEventsTopic.intakeRecorded(patient, ScreeningStub.recordIntakeElsewhere(patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> "PENDING_REVIEW".equals(status(id)));
        as("frontdesk").get("/api/appointments/" + id).then().body("checkedInAt", equalTo(arrived))
                .body("actions", not(hasItem("CHECK_IN"))).body("actions", not(hasItem("NO_SHOW")));
        // she came: not a no-show, whatever the review is doing
        clock.moveTo(OffsetDateTime.parse(Api.at(day, 14, 5)).toInstant());
        as("frontdesk").post("/api/appointments/" + id + "/no-show").then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:patient-arrived"));
        as("clinician").body(LifecycleTest.review("APPROVE", "seen in the room", decisionOf(id)))
                .post("/api/appointments/" + id + "/review").then().statusCode(200)
                .body("status", equalTo("CHECKED_IN")).body("checkedInAt", equalTo(arrived));

        // held, then cleared by a newer intake: checked in again, not merely confirmed
        ScreeningStub.outcome(request -> "BLOCKED");
        ScreeningEventsTopic.intakeRecorded(patient, ScreeningStub.recordIntakeElsewhere(patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(status(id)));
        ScreeningStub.reset();
        ScreeningEventsTopic.intakeRecorded(patient, ScreeningStub.recordIntakeElsewhere(patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> "CHECKED_IN".equals(status(id)));
        clock.moveTo(OffsetDateTime.parse(Api.at(day, 14, 30)).toInstant());
        as("clinician").post("/api/appointments/" + id + "/complete").then().statusCode(200).body("status", equalTo("COMPLETED"));
    }

    @Test
    void anAppointmentHeldBecauseOfAnotherIsDecidedAgainWhenThatOneIsCancelledOrMoved() {
        String patient = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        String held = book(patient, day, 10);
        String near = book(patient, day.plusDays(1), 10);
        String far = book(patient, day.plusDays(2), 10);
        String farStart = as("frontdesk").get("/api/appointments/" + far).then().extract().path("start");
        // screening holds `held` while the appointment named here counts for it (an interval too short)
        AtomicReference<java.util.function.Predicate<JsonNode>> blocking = new AtomicReference<>(
                other -> other.path("appointmentId").asText().equals(near) && !other.path("status").asText().equals("CANCELLED"));
        List<String> screened = new CopyOnWriteArrayList<>();
        ScreeningStub.outcome(request -> {
            String id = request.path("appointmentId").asText();
            screened.add(id);
            boolean blocked = id.equals(held) && java.util.stream.StreamSupport
                    .stream(request.path("otherAppointments").spliterator(), false).anyMatch(blocking.get());
            return blocked ? "BLOCKED" : "CLEARED";
        });
        ScreeningEventsTopic.intakeRecorded(patient, ScreeningStub.recordIntakeElsewhere(patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(status(held)) && settled(near) && settled(far));

        // the appointment it was held for is cancelled: a new decision, and only for the held one
        screened.clear();
        as("frontdesk").body(Map.of("reason", "PATIENT_REQUEST")).post("/api/appointments/" + near + "/cancel")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(status(held)));
        JsonNode confirmed = await().atMost(Duration.ofSeconds(20)).until(() -> last(EventLog.of(held)).value(),
                e -> e.path("type").asText().equals("AppointmentConfirmed"));
        assertEquals("RESCREENED", confirmed.path("reasonCode").asText());
        assertEquals(List.of(held), screened.stream().filter(List.of(held, near, far)::contains).toList(),
                "a confirmed appointment cannot fail for fewer appointments, so only the held one is screened again");

        // held again because of the far one, which then moves to another day: decided again as well
        blocking.set(other -> other.path("appointmentId").asText().equals(far)
                && OffsetDateTime.parse(other.path("start").asText()).isEqual(OffsetDateTime.parse(farStart)));
        ScreeningEventsTopic.intakeRecorded(patient, ScreeningStub.recordIntakeElsewhere(patient));
        await().atMost(Duration.ofSeconds(30)).until(() -> "ON_HOLD".equals(status(held)) && settled(far));
        as("frontdesk").body(Map.of("start", Api.at(day.plusDays(3), 10, 0))).post("/api/appointments/" + far + "/reschedule")
                .then().statusCode(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(status(held)));
        as("frontdesk").get("/api/appointments/" + held).then().body("rescreenDue", equalTo(false));
    }

    private static EventLog.Event last(List<EventLog.Event> events) {
        return events.get(events.size() - 1);
    }

    private static boolean settled(String id) {
        return "CONFIRMED".equals(status(id))
                && Boolean.FALSE.equals(as("frontdesk").get("/api/appointments/" + id).then().extract().path("rescreenDue"));
    }

    private static String book(String patient, LocalDate day, int hour) {
        return as("frontdesk").body(Map.of("patientId", patient, "procedure", "MICRONEEDLING",
                "start", Api.at(day, hour, 0))).post("/api/appointments")
                .then().statusCode(201).extract().path("id");
    }

    private static String status(String id) {
        return as("frontdesk").get("/api/appointments/" + id).then().extract().path("status");
    }

    private static String decisionOf(String id) {
        return as("frontdesk").get("/api/appointments/" + id).then().extract().path("screening.decisionId");
    }
}
