package clinic.booking.service;

import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import clinic.booking.screening.IntakeQuestionnaire;
import clinic.booking.screening.IntakeReceipt;
import clinic.booking.screening.ScreeningClient;

/**
 * Passes a patient's intake questionnaire to screening (booking keeps none of it), then screens the
 * patient's upcoming appointments again at once, since new answers can make one unsafe, and answers
 * where each stands (also one the worker, woken by screening's event, reached first). Screening
 * announces the new version through its own outbox in the intake's transaction, so the re-screen
 * is owed durably even if this request goes no further; what cannot be screened now (screening
 * busy or down) stays owed, refuses check-in, and is retried by the worker.
 */
@ApplicationScoped
public class IntakeService {

    @Inject
    PatientService patients;

    @Inject
    ScreeningClient screening;

    @Inject
    ScreeningInputs inputs;

    @Inject
    RescreenWorker worker;

    public record Recorded(IntakeReceipt receipt, List<Rescreening.Rescreened> rescreened) {
    }

    public Recorded record(UUID patientId, IntakeQuestionnaire intake) {
        patients.get(patientId);
        IntakeReceipt receipt = screening.putIntake(patientId, intake);
        inputs.intakeRecorded(patientId, receipt.intakeVersion());
        return new Recorded(receipt, worker.rescreenNow(patientId));
    }
}
