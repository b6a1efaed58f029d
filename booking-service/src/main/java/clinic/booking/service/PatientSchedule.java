package clinic.booking.service;

import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.Patient;
import clinic.booking.domain.Slot;
import clinic.booking.domain.TimeRange;
import clinic.booking.screening.ScreeningDecision;
import clinic.booking.screening.ScreeningRequest.OtherAppointment;
import clinic.web.Problem;
import clinic.web.ProblemException;
import clinic.web.sql.PlainSql;

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
    AppointmentRepository appointments;

    @Inject
    DataSource dataSource;

    @Inject
    RescreenWorker worker;

    /**
     * What a booking was screened against: the patient, the schedule version, the count of freeing
     * changes (see {@link Patient#freedVersion}), the other appointments and the times those of them
     * that hold time take.
     */
    public record Snapshot(UUID patientId, long version, long freedVersion, List<OtherAppointment> others,
            List<TimeRange> heldTimes) {

        /**
         * Whether the slot overlaps another appointment of this patient: a patient is in one place at a
         * time. Availability leaves such slots out; a booking or move into one is refused
         * ({@link PatientSchedule#alreadyBooked}), and {@link PatientSchedule#claim} keeps the answer true until the commit.
         */
        public boolean clashesWith(Slot slot) {
            TimeRange wanted = new TimeRange(slot.start(), slot.end());
            return heldTimes.stream().anyMatch(wanted::overlaps);
        }
    }

    /**
     * The patient's schedule as it is now, read in one query outside any transaction: nothing is
     * decided on it until {@link #claim} checks in the writing transaction that it did not change.
     */
    public Snapshot snapshot(UUID patientId, String field, UUID excluding) {
        return appointments.scheduleOf(patientId, excluding, config.timeZone())
                .orElseThrow(() -> PatientService.unknown(patientId, field));
    }

    /** What a claim answers: whether the decision is owed a re-screen already, and the freed version it rests on. */
    public record Claimed(boolean rescreenDue, long freedVersion) {
    }

    /**
     * Claims the next schedule version if nobody changed the schedule since the snapshot, and learns
     * the intake version the decision rests on (screening's answer may be ahead of its events). Answers
     * whether an appointment in this status resting on this decision is owed a re-screen already (a
     * newer intake or policy arrived while it was screened), by the schema's one definition of that;
     * the patient's row stays locked until the transaction ends, so its intake version cannot move meanwhile.
     * A move ({@code frees}) leaves the appointment's old time: counted as a freeing change for the
     * patient's other appointments (see {@link #touch}), not for the moved one, which was just screened.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Claimed claim(Snapshot snapshot, ScreeningDecision decision, AppointmentStatus status, boolean frees) {
        // one statement on every booking: plain SQL on the transaction's connection, nothing for Hibernate to manage
        Claimed claimed = PlainSql.first(dataSource, """
                UPDATE patient SET schedule_version = schedule_version + 1, intake_version = greatest(intake_version, ?),
                       freed_version = freed_version + ?
                 WHERE id = ? AND schedule_version = ?
                RETURNING appointment_rescreen_due(?, ?, ?, freed_version, intake_version, (SELECT version FROM screening_policy),
                                                   freed_version), freed_version""",
                row -> new Claimed(row.getBoolean(1), row.getLong(2)), decision.intakeVersion(), frees ? 1 : 0,
                snapshot.patientId(), snapshot.version(), status.name(), decision.intakeVersion(), decision.policyVersion())
                .orElseThrow(StaleScheduleException::new);
        if (frees) {
            worker.lookAfterCommit(snapshot.patientId());
        }
        return claimed;
    }

    /**
     * Records that a person changed one of the patient's appointments (cancelled it, checked it in,
     * ...): bookings screened meanwhile are screened again, and so are the patient's appointments on
     * hold, which the change may let pass (a cancelled one no longer counts for the intervals). They
     * are looked at once the change has committed, and by the worker's poll after a crash.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void touch(UUID patientId) {
        Patient.update("scheduleVersion = scheduleVersion + 1, freedVersion = freedVersion + 1 where id = ?1", patientId);
        worker.lookAfterCommit(patientId);
    }

    static ProblemException alreadyBooked() {
        return new ProblemException(Problem.of(409, "patient-already-booked", "Patient already booked at that time",
                "The patient has another appointment that overlaps this time.")
                .withErrors(List.of(new Problem.FieldError("start", "the patient has another appointment at that time"))));
    }

    static ProblemException busy() {
        return ProblemException.conflict("patient-schedule-busy", "Patient's schedule is changing",
                "Another booking for this patient was made at the same time. Try again.");
    }
}
