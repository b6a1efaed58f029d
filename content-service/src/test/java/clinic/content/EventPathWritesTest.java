package clinic.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.junit.jupiter.api.Test;

import clinic.content.domain.Appointment;
import clinic.content.domain.ProcessedEvent;
import clinic.content.repository.AppointmentRepository;
import clinic.content.repository.ProcessedEventRepository;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The plain-SQL statements every appointment event runs write and read every field Hibernate maps:
 * an appointment inserted, read back for update, and updated with every field changed; a consumed
 * event recorded. A field added to an entity but not to these statements fails here.
 */
@QuarkusTest
class EventPathWritesTest {

    private static final Set<String> NONE = Set.of();

    @Inject
    AppointmentRepository appointments;

    @Inject
    ProcessedEventRepository processedEvents;

    @Inject
    EntityManager em;

    @Test
    void anAppointmentKeepsEveryMappedFieldThroughInsertAndRead() throws Exception {
        Appointment inserted = everyFieldSet(UUID.randomUUID(), Instant.parse("2031-03-04T09:00:00.123456Z"), "CONFIRMED", 3);
        QuarkusTransaction.requiringNew().run(() -> appointments.insert(inserted));

        assertEquals(13, MappedFields.assertSame(em, Appointment.class, inserted, read(inserted.appointmentId), NONE).size());
        Appointment locked = QuarkusTransaction.requiringNew().call(() -> appointments.findForUpdate(inserted.appointmentId))
                .orElseThrow();
        MappedFields.assertSame(em, Appointment.class, inserted, locked, NONE);
    }

    @Test
    void anUpdateWritesEveryMappedField() throws Exception {
        UUID id = UUID.randomUUID();
        Appointment before = everyFieldSet(id, Instant.parse("2031-03-04T09:00:00Z"), "ON_HOLD", 2);
        before.procedure = "MICRODERMABRASION";
        before.dayClosed = false;
        before.practitionerAway = false;
        before.confirmationOwed = false;
        QuarkusTransaction.requiringNew().run(() -> appointments.insert(before));

        Appointment changed = everyFieldSet(id, Instant.parse("2031-05-06T11:30:00.654321Z"), "CONFIRMED", 5);
        QuarkusTransaction.requiringNew().run(() -> appointments.update(changed));

        Appointment read = read(id);
        MappedFields.assertSame(em, Appointment.class, changed, read, NONE);
        for (int column = 1; column < AppointmentRepository.columns(before).size(); column++) {
            assertNotEquals(AppointmentRepository.columns(before).get(column), AppointmentRepository.columns(read).get(column),
                    "column " + column + " of AppointmentRepository.columns is changed by this test");
        }
    }

    /** The three flags are the only columns of one type: each must reach its own column, both ways. */
    @Test
    void eachFlagKeepsItsOwnColumn() {
        Appointment a = everyFieldSet(UUID.randomUUID(), Instant.parse("2031-03-04T09:00:00Z"), "CONFIRMED", 1);
        a.practitionerAway = false;
        QuarkusTransaction.requiringNew().run(() -> appointments.insert(a));
        assertEquals(List.of(true, false, true), flags(read(a.appointmentId)));
        assertEquals(List.of(true, false, true),
                flags(QuarkusTransaction.requiringNew().call(() -> appointments.findForUpdate(a.appointmentId)).orElseThrow()));

        a.dayClosed = false;
        a.practitionerAway = true;
        a.confirmationOwed = false;
        QuarkusTransaction.requiringNew().run(() -> appointments.update(a));
        assertEquals(List.of(false, true, false), flags(read(a.appointmentId)));
    }

    @Test
    void anUpdateOfAnAppointmentNeverRecordedFails() {
        Appointment unknown = everyFieldSet(UUID.randomUUID(), Instant.parse("2031-03-04T09:00:00Z"), "CONFIRMED", 1);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> appointments.update(unknown)));
    }

    @Test
    void aConsumedEventKeepsEveryMappedFieldAndIsFoundByItsId() throws Exception {
        ProcessedEvent recorded = new ProcessedEvent();
        recorded.eventId = UUID.randomUUID();
        recorded.appointmentId = UUID.randomUUID();
        recorded.eventType = "AppointmentConfirmed";
        recorded.sequence = 7;
        recorded.outcome = ProcessedEvent.Outcome.STALE;
        recorded.processedAt = Instant.parse("2031-03-04T09:00:00.123456Z");
        assertFalse(QuarkusTransaction.requiringNew().call(() -> processedEvents.contains(recorded.eventId)));

        QuarkusTransaction.requiringNew().run(() -> processedEvents.record(recorded));

        assertTrue(QuarkusTransaction.requiringNew().call(() -> processedEvents.contains(recorded.eventId)));
        ProcessedEvent read = QuarkusTransaction.requiringNew().call(() -> em.find(ProcessedEvent.class, recorded.eventId));
        assertEquals(6, MappedFields.assertSame(em, ProcessedEvent.class, recorded, read, NONE).size());
    }

    private static List<Boolean> flags(Appointment a) {
        return List.of(a.dayClosed, a.practitionerAway, a.confirmationOwed);
    }

    private Appointment read(UUID appointmentId) {
        return QuarkusTransaction.requiringNew().call(() -> em.find(Appointment.class, appointmentId));
    }

    /** Every field unlike a new object's. */
    private static Appointment everyFieldSet(UUID appointmentId, Instant start, String status, long sequence) {
        Appointment a = new Appointment();
        a.appointmentId = appointmentId;
        a.patientId = UUID.randomUUID();
        a.procedure = "MICRONEEDLING";
        a.status = status;
        a.lastSequence = sequence;
        a.startAt = start;
        a.endAt = start.plus(60, ChronoUnit.MINUTES);
        a.completedAt = start.plus(55, ChronoUnit.MINUTES);
        a.arrivedAt = start.minus(10, ChronoUnit.MINUTES);
        a.dayClosed = true;
        a.practitionerAway = true;
        a.confirmationOwed = true;
        a.updatedAt = start.minus(30, ChronoUnit.DAYS);
        return a;
    }
}
