package clinic.booking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.lang.reflect.Field;
import java.time.Instant;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.metamodel.Attribute;

import org.junit.jupiter.api.Test;

import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.ProcedureCode;
import clinic.booking.domain.ReviewVerdict;
import clinic.booking.service.AppointmentRepository;
import clinic.booking.support.Api;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plain-SQL insert of a new appointment writes every field Hibernate maps: an appointment with
 * every field set (to a value unlike its default) reads back through Hibernate unchanged. A field
 * added to the entity but not to the insert fails here.
 */
@QuarkusTest
class AppointmentInsertTest {

    @Inject
    AppointmentRepository appointments;

    @Inject
    EntityManager em;

    @Test
    void everyMappedFieldSurvivesTheRoundTrip() throws Exception {
        Appointment written = everyFieldSet();
        QuarkusTransaction.requiringNew().run(() -> appointments.insert(written));

        Appointment read = QuarkusTransaction.requiringNew().call(() -> em.find(Appointment.class, written.id));
        assertNotNull(read);
        Set<String> compared = new TreeSet<>();
        for (Attribute<? super Appointment, ?> attribute : em.getMetamodel().entity(Appointment.class).getAttributes()) {
            Field field = (Field) attribute.getJavaMember();
            field.setAccessible(true);
            Object value = field.get(written);
            assertNotEquals(field.get(new Appointment()), value, field.getName() + " is left at its default by this test");
            assertEquals(value, field.get(read), field.getName());
            compared.add(field.getName());
        }
        assertEquals(25, compared.size(), "mapped fields compared: " + compared);
    }

    /** A completed appointment a clinician approved: every column may hold a value at once. */
    private static Appointment everyFieldSet() {
        Instant start = Api.freshTuesday().atTime(LocalTime.of(9, 0)).atZone(Api.CLINIC_ZONE).toInstant();
        Appointment a = new Appointment();
        a.id = UUID.randomUUID();
        a.patientId = UUID.fromString(Api.newPatient());
        a.procedureCode = ProcedureCode.MICRONEEDLING;
        a.practitionerId = UUID.fromString(Api.ANNA);
        a.roomId = UUID.fromString(Api.ROOM_1);
        a.startAt = start;
        a.endAt = start.plus(60, ChronoUnit.MINUTES);
        a.occupiedUntil = start.plus(75, ChronoUnit.MINUTES);
        a.status = AppointmentStatus.COMPLETED;
        a.screeningDecisionId = UUID.randomUUID();
        a.screeningOutcome = "NEEDS_REVIEW";
        a.screeningCategories = "MEDICATION_HISTORY,CLINICIAN_CONFIRMATION";
        a.decisionIntakeVersion = 4;
        a.decisionPolicyVersion = 3;
        a.decisionFreedVersion = 4;
        a.screenedStart = start.minus(1, ChronoUnit.DAYS);
        a.reviewVerdict = ReviewVerdict.APPROVE;
        a.holdReason = "INTAKE_NEEDED";
        a.cancelReason = "kept from an earlier cancellation";
        a.checkedInAt = start.minus(5, ChronoUnit.MINUTES);
        a.completedAt = start.plus(70, ChronoUnit.MINUTES);
        a.eventSequence = 5;
        a.createdAt = start.minus(30, ChronoUnit.DAYS).plusNanos(123_456_000);
        a.updatedAt = start.plus(71, ChronoUnit.MINUTES);
        a.version = 2;
        return a;
    }
}
