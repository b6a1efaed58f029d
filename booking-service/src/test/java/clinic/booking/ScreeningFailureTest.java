package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import clinic.booking.support.Api;
import clinic.booking.support.ScreeningStub;
import io.quarkus.test.junit.QuarkusTest;

/** Booking fails closed: without a screening answer nothing is confirmed, and it recovers by itself. */
@QuarkusTest
class ScreeningFailureTest {

    @BeforeEach
    @AfterEach
    void reset() {
        ScreeningStub.reset();
    }

    @Test
    void erroringScreeningAnswers503WithRetryAfterAndBooksNothingThenTheBreakerOpensAndRecovers() {
        String patient = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        ScreeningStub.mode(ScreeningStub.Mode.ERROR);
        for (int i = 0; i < 8; i++) {
            as("frontdesk").body(Api.booking(patient, "MICRONEEDLING", Api.at(day, 9, 0))).post("/api/appointments")
                    .then().statusCode(503)
                    .contentType("application/problem+json")
                    .header("Retry-After", equalTo("10"))
                    .body("type", equalTo("urn:clinic:problem:screening-unavailable"));
        }
        as("frontdesk").get("/api/patients/" + patient + "/appointments").then().statusCode(200).body("size()", equalTo(0));

        // the circuit is open now: screening is no longer called at all
        int callsWhileOpen = ScreeningStub.screenings();
        as("frontdesk").body(Api.booking(patient, "MICRONEEDLING", Api.at(day, 9, 0))).post("/api/appointments")
                .then().statusCode(503);
        assertEquals(callsWhileOpen, ScreeningStub.screenings(), "an open circuit still called screening");

        // screening comes back; after the breaker's delay bookings go through again without a restart
        ScreeningStub.mode(ScreeningStub.Mode.UP);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofSeconds(1)).until(() -> as("frontdesk")
                .body(Api.booking(patient, "MICRONEEDLING", Api.at(day, 9, 0))).post("/api/appointments").statusCode() == 201);
    }

    @Test
    void slowScreeningTimesOutWith503AndBooksNothing() {
        String patient = Api.newPatient();
        LocalDate day = Api.freshTuesday();
        ScreeningStub.mode(ScreeningStub.Mode.SLOW);
        as("frontdesk").body(Api.booking(patient, "MICRODERMABRASION", Api.at(day, 10, 0))).post("/api/appointments")
                .then().statusCode(503).header("Retry-After", equalTo("10"));
        as("frontdesk").get("/api/patients/" + patient + "/appointments").then().statusCode(200).body("size()", equalTo(0));
    }
}
