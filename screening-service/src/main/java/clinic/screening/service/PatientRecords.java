package clinic.screening.service;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.quarkus.logging.Log;

import clinic.screening.config.ClinicTime;
import clinic.screening.domain.Intake;
import clinic.screening.domain.IntakeRepository;
import clinic.screening.domain.PatientRecordRepository;
import clinic.screening.events.ScreeningEvents;
import clinic.web.Problem;
import clinic.web.ProblemException;

/**
 * Applies booking's merges and erasures of patient records to screening's data, each event once,
 * and refuses new intakes and screenings for a record that no longer exists.
 *
 * <p>A merge copies the duplicate's newest intake to the survivor as the survivor's next version
 * when it is newer than the survivor's own (the answers the patient last gave stay the ones
 * screened), then tells booking the merge is applied so it screens the survivor's appointments
 * again. The duplicate's own intakes, decisions and reviews stay under its id: they are the audit
 * record of what was decided on what, and the survivor's audit lists them with its own.
 *
 * <p>An erasure deletes the intake versions of the patient (and of records merged into it) that no
 * decision rests on. Decisions, reviews and the intake versions they rest on are kept, by law, as
 * the clinic's record of why a procedure was or was not done; nothing in screening names the
 * person, and booking, which alone could, has erased the contact data.
 */
@ApplicationScoped
public class PatientRecords {

    private final PatientRecordRepository records;
    private final IntakeRepository intakes;
    private final ScreeningEvents events;
    private final ClinicTime time;

    public PatientRecords(PatientRecordRepository records, IntakeRepository intakes, ScreeningEvents events, ClinicTime time) {
        this.records = records;
        this.intakes = intakes;
        this.events = events;
        this.time = time;
    }

    /** Refuses (410) a patient id that was merged into another record or erased. */
    public void requireLive(UUID patientId) {
        PatientRecordRepository.Standing standing = records.standing(patientId);
        if (standing.mergedInto() != null) {
            throw new ProblemException(Problem.of(410, "patient-merged", "Patient record merged",
                    "Patient " + patientId + " was a duplicate and was merged into patient " + standing.mergedInto() + ".")
                    .with("mergedInto", standing.mergedInto()));
        }
        if (standing.erased()) {
            throw new ProblemException(Problem.of(410, "patient-erased", "Patient erased",
                    "Patient " + patientId + " was erased on request; no new intake or screening is taken."));
        }
    }

    /** The patient and every record merged into it: whose decisions make up the patient's audit. */
    public List<UUID> withMerged(UUID patientId) {
        return records.withMerged(patientId);
    }

    @Transactional
    public void merged(UUID eventId, UUID duplicateId, UUID survivorId) {
        if (!records.firstTime(eventId, "PatientMerged", time.now())) {
            return;
        }
        // in id order, like every other taker of both locks; an intake recorded for either waits for the merge
        UUID first = duplicateId.compareTo(survivorId) < 0 ? duplicateId : survivorId;
        intakes.lockPatient(first);
        intakes.lockPatient(first.equals(duplicateId) ? survivorId : duplicateId);
        records.recordMerge(duplicateId, survivorId, time.now());
        Optional<Intake> own = intakes.latest(survivorId);
        Optional<Intake> theirs = intakes.latest(duplicateId);
        Integer latest = own.map(i -> i.version).orElse(null);
        boolean erased = records.erased(survivorId) || records.erased(duplicateId);
        if (!erased && theirs.isPresent() && (own.isEmpty() || theirs.get().newerThan(own.get()))) {
            Intake copy = copy(theirs.get(), survivorId, own.map(i -> i.version + 1).orElse(1));
            intakes.persist(copy);
            events.intakeRecorded(survivorId, copy.version);
            latest = copy.version;
        }
        events.mergeApplied(survivorId, duplicateId, latest);
        Log.infof("Patient %s merged into %s", duplicateId, survivorId);
    }

    @Transactional
    public void erased(UUID eventId, UUID patientId, List<UUID> mergedPatientIds) {
        if (!records.firstTime(eventId, "PatientErased", time.now())) {
            return;
        }
        List<UUID> all = new java.util.ArrayList<>(mergedPatientIds);
        all.add(0, patientId);
        for (UUID id : all) {
            records.recordErasure(id, time.now());
        }
        int deleted = records.forgetErased(all);
        Log.infof("Patient %s erased: %d intake version(s) deleted, the screening audit kept", patientId, deleted);
    }

    private Intake copy(Intake source, UUID patientId, int version) {
        Intake copy = new Intake();
        copy.patientId = patientId;
        copy.version = version;
        copy.isotretinoin = source.isotretinoin;
        copy.isotretinoinLastDose = source.isotretinoinLastDose;
        copy.bloodThinners = source.bloodThinners;
        copy.keloidOrHypertrophicScarring = source.keloidOrHypertrophicScarring;
        copy.activeInfectionOrInflammation = source.activeInfectionOrInflammation;
        copy.activeAcne = source.activeAcne;
        copy.autoimmuneCondition = source.autoimmuneCondition;
        copy.completedOn = source.completedOn;
        copy.recordedBy = source.recordedBy;
        copy.recordedAt = source.recordedAt;
        copy.recordedByClinician = source.recordedByClinician;
        copy.copiedFromPatient = source.patientId;
        copy.copiedFromVersion = source.version;
        return copy;
    }
}
