package clinic.content.repository;

import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import clinic.content.domain.Appointment;
import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Appointments as the events describe them. */
@ApplicationScoped
public class AppointmentRepository implements PanacheRepositoryBase<Appointment, UUID> {

    /** Locks the row so two events of one appointment are never applied side by side. */
    public Optional<Appointment> findForUpdate(UUID appointmentId) {
        return findByIdOptional(appointmentId, LockModeType.PESSIMISTIC_WRITE);
    }

    /** A merged duplicate's appointments now belong to the survivor. */
    public int moveToPatient(UUID duplicateId, UUID survivorId) {
        return update("patientId = ?1 where patientId = ?2", survivorId, duplicateId);
    }
}
