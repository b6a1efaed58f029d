package clinic.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.booking.domain.Patient;
import clinic.booking.outbox.PatientEvents;
import clinic.web.Problem;
import clinic.web.ProblemException;

/**
 * Erases a patient on request. Booking keeps the record's id and its appointments that have ended
 * (the clinic's record of what was done, when and by whom) but nothing that identifies the person:
 * the contact data, stored answers to requests about the patient and every published event about
 * the patient in the outbox go, in one transaction with the PatientErased event that makes screening
 * and content do the same (an event not yet published still goes out first, so the patient is told). A patient with an appointment still to happen is not erased: the front desk cancels
 * it first (so the patient is told), then erases.
 */
@ApplicationScoped
public class PatientEraser {

    /** What an erasure did: the record, when, and the merged records erased with it. */
    public record Erased(UUID patientId, Instant erasedAt, List<UUID> mergedPatientIds) {
    }

    private final PatientRepository patients;
    private final PatientService lookup;
    private final PatientEvents events;
    private final Clock clock;

    public PatientEraser(PatientRepository patients, PatientService lookup, PatientEvents events, Clock clock) {
        this.patients = patients;
        this.lookup = lookup;
        this.events = events;
        this.clock = clock;
    }

    /** Erases the patient; erasing an erased patient again answers the first erasure and changes nothing. */
    @Transactional
    public Erased erase(UUID patientId, String erasedBy) {
        Patient patient = patients.lock(patientId).stream().findFirst().orElseThrow(() -> lookup.gone(patientId));
        List<UUID> merged = patients.mergedInto(patientId);
        if (patient.erased()) {
            return new Erased(patient.id, patient.erasedAt, merged);
        }
        List<UUID> active = patients.activeAppointments(patientId);
        if (!active.isEmpty()) {
            throw new ProblemException(Problem.of(409, "patient-has-active-appointments", "Appointments still to happen",
                    "The patient has " + active.size() + " appointment(s) still to happen; cancel them (the patient is told) "
                            + "or record how they ended before erasing.").with("appointmentIds", active));
        }
        patient.firstName = null;
        patient.lastName = null;
        patient.email = null;
        patient.phone = null;
        patient.dateOfBirth = null;
        patient.erasedAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        patient.erasedBy = erasedBy;
        // a booking screened on the old view fails its version check and finds no patient
        patient.scheduleVersion++;
        List<UUID> all = new ArrayList<>(merged);
        all.add(patientId);
        patients.forgetRecordsOf(all);
        events.erased(patientId, merged);
        return new Erased(patient.id, patient.erasedAt, merged);
    }
}
