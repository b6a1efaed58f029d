package clinic.screening.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.screening.api.IntakeRequest;
import clinic.screening.config.ClinicTime;
import clinic.screening.domain.Intake;
import clinic.screening.domain.IntakeRepository;
import clinic.screening.events.ScreeningEvents;
import clinic.screening.policy.IsotretinoinUse;
import clinic.web.ProblemException;

/**
 * Records intake versions (never overwriting one) and reads the latest. Each new version is
 * announced in the same transaction, so the appointments it may make unsafe are screened again
 * whichever way it arrived.
 */
@ApplicationScoped
public class IntakeService {

    private final IntakeRepository intakes;
    private final ScreeningEvents events;
    private final ClinicTime time;
    private final PatientRecords records;

    public IntakeService(IntakeRepository intakes, ScreeningEvents events, ClinicTime time, PatientRecords records) {
        this.intakes = intakes;
        this.events = events;
        this.time = time;
        this.records = records;
    }

    @Transactional
    public Intake record(UUID patientId, IntakeRequest request, String recordedBy, boolean recordedByClinician) {
        LocalDate today = time.today();
        if (request.completedOn().isAfter(today)) {
            throw ProblemException.badRequest("completedOn", "must not be in the future (today is " + today + " in the clinic)");
        }
        LocalDate lastDose = request.isotretinoinLastDose();
        IsotretinoinUse isotretinoin = request.isotretinoin().use();
        if (isotretinoin == IsotretinoinUse.STOPPED && lastDose == null) {
            throw ProblemException.badRequest("isotretinoinLastDose",
                    "is required when isotretinoin is STOPPED (answer STOPPED_DATE_UNKNOWN when the date is not known)");
        }
        if (isotretinoin != IsotretinoinUse.STOPPED && lastDose != null) {
            throw ProblemException.badRequest("isotretinoinLastDose", "is given only when isotretinoin is STOPPED");
        }
        if (lastDose != null && lastDose.isAfter(today)) {
            throw ProblemException.badRequest("isotretinoinLastDose", "must not be in the future");
        }
        if (lastDose != null && lastDose.isAfter(request.completedOn())) {
            throw ProblemException.badRequest("isotretinoinLastDose", "must not be after completedOn");
        }
        intakes.lockPatient(patientId);
        // checked under the patient's lock: a merge or erasure applied meanwhile is seen
        records.requireLive(patientId);
        Intake intake = new Intake();
        intake.patientId = patientId;
        intake.version = intakes.latest(patientId).map(i -> i.version + 1).orElse(1);
        intake.isotretinoin = isotretinoin;
        intake.isotretinoinLastDose = lastDose;
        intake.bloodThinners = request.bloodThinners();
        intake.keloidOrHypertrophicScarring = request.keloidOrHypertrophicScarring();
        intake.activeInfectionOrInflammation = request.activeInfectionOrInflammation();
        intake.activeAcne = request.activeAcne();
        intake.autoimmuneCondition = request.autoimmuneCondition();
        intake.completedOn = request.completedOn();
        intake.recordedBy = recordedBy;
        intake.recordedAt = time.now();
        intake.recordedByClinician = recordedByClinician;
        intakes.persist(intake);
        events.intakeRecorded(patientId, intake.version);
        return intake;
    }

    @Transactional
    public Intake latest(UUID patientId) {
        records.requireLive(patientId);
        return intakes.latest(patientId).orElseThrow(() -> ProblemException.notFound("Intake for patient", patientId));
    }
}
