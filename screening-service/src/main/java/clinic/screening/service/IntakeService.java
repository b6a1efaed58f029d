package clinic.screening.service;

import java.time.LocalDate;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.screening.api.IntakeRequest;
import clinic.screening.config.ClinicTime;
import clinic.screening.domain.Intake;
import clinic.screening.domain.IntakeRepository;
import clinic.web.ProblemException;

/** Records intake versions (never overwriting one) and reads the latest. */
@ApplicationScoped
public class IntakeService {

    private final IntakeRepository intakes;
    private final ClinicTime time;

    public IntakeService(IntakeRepository intakes, ClinicTime time) {
        this.intakes = intakes;
        this.time = time;
    }

    @Transactional
    public Intake record(UUID patientId, IntakeRequest request, String recordedBy) {
        LocalDate today = time.today();
        if (request.completedOn().isAfter(today)) {
            throw ProblemException.badRequest("completedOn", "must not be in the future (today is " + today + " in the clinic)");
        }
        LocalDate lastDose = request.isotretinoinLastDose();
        if (lastDose != null && lastDose.isAfter(today)) {
            throw ProblemException.badRequest("isotretinoinLastDose", "must not be in the future");
        }
        if (lastDose != null && lastDose.isAfter(request.completedOn())) {
            throw ProblemException.badRequest("isotretinoinLastDose", "must not be after completedOn");
        }
        intakes.lockPatient(patientId);
        Intake intake = new Intake();
        intake.patientId = patientId;
        intake.version = intakes.latest(patientId).map(i -> i.version + 1).orElse(1);
        intake.takingIsotretinoin = request.takingIsotretinoin();
        intake.isotretinoinLastDose = lastDose;
        intake.bloodThinners = request.bloodThinners();
        intake.keloidOrHypertrophicScarring = request.keloidOrHypertrophicScarring();
        intake.activeInfectionOrInflammation = request.activeInfectionOrInflammation();
        intake.activeAcne = request.activeAcne();
        intake.autoimmuneCondition = request.autoimmuneCondition();
        intake.completedOn = request.completedOn();
        intake.recordedBy = recordedBy;
        intake.recordedAt = time.now();
        intakes.persist(intake);
        return intake;
    }

    @Transactional
    public Intake latest(UUID patientId) {
        return intakes.latest(patientId).orElseThrow(() -> ProblemException.notFound("Intake for patient", patientId));
    }
}
