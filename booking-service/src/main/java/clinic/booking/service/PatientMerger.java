package clinic.booking.service;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.DeskWording;
import clinic.booking.domain.Patient;
import clinic.booking.outbox.PatientEvents;
import clinic.web.Problem;
import clinic.web.ProblemException;

/**
 * Merges a duplicate patient record into the right one, in one transaction: the duplicate's
 * appointments move to the survivor, the duplicate's row goes (a merge record says where), and
 * PatientMerged tells screening (which merges the intakes) and content (which moves the messages).
 *
 * <p>Every appointment of the survivor still to happen is then owed a re-screen, because each
 * decision was made on one record's intake and schedule only; the re-screen waits until screening
 * has merged the intakes (its PatientMergeApplied event), so nobody is put on hold for an intake
 * that was only on the other record. Until then those appointments cannot be checked in.
 */
@ApplicationScoped
public class PatientMerger {

    /** What a merge did. */
    public record Merged(UUID survivorId, UUID duplicateId, int appointmentsMoved, Instant mergedAt) {
    }

    private final PatientRepository patients;
    private final PatientService lookup;
    private final PatientEvents events;
    private final Clock clock;
    private final ClinicConfig config;

    public PatientMerger(PatientRepository patients, PatientService lookup, PatientEvents events, Clock clock, ClinicConfig config) {
        this.patients = patients;
        this.lookup = lookup;
        this.events = events;
        this.clock = clock;
        this.config = config;
    }

    @Transactional
    public Merged merge(UUID survivorId, UUID duplicateId, String mergedBy) {
        if (survivorId.equals(duplicateId)) {
            throw new ProblemException(Problem.of(422, "merge-into-itself", "A record cannot be merged into itself",
                    "duplicateId: is the record being merged into").withErrors(List.of(
                            new Problem.FieldError("duplicateId", "must be another patient than the one merged into"))));
        }
        List<Patient> locked = patients.lock(survivorId, duplicateId);
        Patient survivor = locked.stream().filter(p -> p.id.equals(survivorId) && !p.erased()).findFirst()
                .orElseThrow(() -> lookup.gone(survivorId));
        Patient duplicate = locked.stream().filter(p -> p.id.equals(duplicateId) && !p.erased()).findFirst()
                .orElseThrow(() -> unknownDuplicate(duplicateId));
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        refuseClashes(patients.clashesBetween(survivor.id, duplicate.id, now));
        int moved = patients.moveAppointments(duplicate.id, survivor.id);
        // bookings for either record screened on the old view must be screened again
        survivor.scheduleVersion++;
        patients.recordMerge(duplicate.id, survivor.id, mergedBy, now);
        patients.delete(duplicate);
        events.merged(duplicate.id, survivor);
        return new Merged(survivor.id, duplicate.id, moved, now);
    }

    /**
     * Both records booked at overlapping times: merged, one patient would be in two places at once, so
     * the desk cancels or moves one of them first (both records stay as they are; the patients' rows
     * stay locked until then, so no booking slips in between this check and the move).
     */
    private void refuseClashes(List<PatientRepository.Clash> clashes) {
        if (clashes.isEmpty()) {
            return;
        }
        String when = clashes.stream().map(c -> DeskWording.dayAndTime(c.start(), config.timeZone())).distinct()
                .collect(Collectors.joining(", "));
        throw new ProblemException(Problem.of(409, "merge-appointments-overlap", "Both records have an appointment at the same time",
                "Both records are booked at overlapping times (" + when + "). One patient cannot be in two places at once:"
                        + " cancel or move one of each pair first, then merge.")
                .with("clashes", clashes)
                .withErrors(List.of(new Problem.FieldError("duplicateId", "has an appointment at the same time as this patient's"))));
    }

    private ProblemException unknownDuplicate(UUID duplicateId) {
        String why = patients.survivorOf(duplicateId).map(s -> "was already merged into patient " + s)
                .orElse("is not a patient record that can be merged");
        return new ProblemException(Problem.of(422, "unknown-patient", "Unknown patient", "duplicateId: " + duplicateId + " " + why)
                .withErrors(List.of(new Problem.FieldError("duplicateId", why))));
    }
}
