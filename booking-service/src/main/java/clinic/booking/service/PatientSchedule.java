package clinic.booking.service;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Patient;
import clinic.booking.screening.ScreeningRequest.OtherAppointment;
import clinic.web.ProblemException;

/**
 * A patient's appointments as screening needs to see them, and the version check that keeps two
 * concurrent bookings for one patient from both passing screening on the same stale view.
 */
@ApplicationScoped
public class PatientSchedule {

    /** How often a booking, move or re-screen is screened again when the schedule changed meanwhile, before giving up. */
    static final int SCREENING_ATTEMPTS = 3;

    @Inject
    ClinicConfig config;

    @Inject
    PatientService patients;

    @Inject
    AppointmentRepository appointments;

    /** What a booking was screened against: the schedule version and the other appointments. */
    public record Snapshot(Patient patient, long version, List<OtherAppointment> others) {
    }

    @Transactional
    public Snapshot snapshot(UUID patientId, String field, UUID excluding) {
        Patient patient = patients.referenced(patientId, field);
        ZoneId zone = config.timeZone();
        List<OtherAppointment> others = appointments.ofPatient(patientId).stream()
                .filter(a -> !a.id.equals(excluding))
                .map(a -> new OtherAppointment(a.id, a.procedureCode, a.startAt.atZone(zone).toOffsetDateTime(), a.status))
                .toList();
        return new Snapshot(patient, patient.scheduleVersion, others);
    }

    /**
     * Claims the next schedule version if nobody changed the schedule since the snapshot, and learns
     * the intake version the decision rests on (screening's answer may be ahead of its events).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void claim(Snapshot snapshot, int intakeVersion) {
        int updated = Patient.update("""
                scheduleVersion = scheduleVersion + 1,
                intakeVersion = case when intakeVersion < ?3 then ?3 else intakeVersion end
                where id = ?1 and scheduleVersion = ?2""",
                snapshot.patient().id, snapshot.version(), intakeVersion);
        if (updated == 0) {
            throw new StaleScheduleException();
        }
    }

    /** Records that the schedule changed (cancellation, completion, ...) for bookings screened meanwhile. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touch(UUID patientId) {
        Patient.update("scheduleVersion = scheduleVersion + 1 where id = ?1", patientId);
    }

    static ProblemException busy() {
        return ProblemException.conflict("patient-schedule-busy", "Patient's schedule is changing",
                "Another booking for this patient was made at the same time. Try again.");
    }
}
