package clinic.screening.api;

import static clinic.screening.Api.frontDesk;
import static clinic.screening.Api.patientWithHealthyIntake;
import static clinic.screening.Api.screen;
import static clinic.screening.Api.screening;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;

import org.hibernate.engine.spi.SessionFactoryImplementor;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Screening a booking plans each of its queries once: repeated decisions reuse the cached plans
 * instead of adding new ones (which a native query with a basic result class did, until the cache
 * was full of copies and every lookup walked them all).
 */
@QuarkusTest
class QueryPlanReuseTest {

    @Inject
    EntityManagerFactory entityManagers;

    @Test
    void repeatedDecisionsAddNoQueryPlans() {
        screenNewPatients(3);
        int planned = cachedQueryPlans();

        screenNewPatients(10);

        assertThat(cachedQueryPlans()).isEqualTo(planned);
    }

    private void screenNewPatients(int count) {
        for (int i = 0; i < count; i++) {
            UUID patient = patientWithHealthyIntake();
            screen(frontDesk(), screening(patient, "MICRONEEDLING", "2026-12-15T10:00:00+01:00", List.of())).statusCode(200);
        }
    }

    private int cachedQueryPlans() {
        return entityManagers.unwrap(SessionFactoryImplementor.class).getQueryEngine().getInterpretationCache()
                .getNumberOfCachedQueryPlans();
    }
}
