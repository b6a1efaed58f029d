package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import clinic.booking.support.Api;
import clinic.booking.support.ScreeningStub;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A booking plans each of its queries once: repeated bookings reuse the cached plans instead of
 * adding new ones (which a native query with a basic result class did, until the cache was full
 * of copies and every lookup walked them all).
 */
@QuarkusTest
class QueryPlanReuseTest {

    @Inject
    EntityManagerFactory entityManagers;

    @BeforeEach
    void screeningClears() {
        ScreeningStub.reset();
    }

    @Test
    void repeatedBookingsAddNoQueryPlans() {
        LocalDate day = Api.freshTuesday();
        bookNewPatients(day, 9, 3);
        int planned = cachedQueryPlans();

        bookNewPatients(day, 12, 6);

        assertEquals(planned, cachedQueryPlans());
    }

    private void bookNewPatients(LocalDate day, int firstHour, int count) {
        for (int i = 0; i < count; i++) {
            String patient = Api.newPatient();
            as("frontdesk").body(Api.cleanIntake()).put("/api/patients/" + patient + "/intake").then().statusCode(200);
            as("frontdesk").body(Api.booking(patient, "CONSULTATION", Api.at(day, firstHour + i / 2, (i % 2) * 30)))
                    .post("/api/appointments").then().statusCode(201);
        }
    }

    private int cachedQueryPlans() {
        return entityManagers.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
