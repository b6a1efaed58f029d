package clinic.screening.events;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.outbox.Outbox;
import clinic.outbox.OutboxMessage;
import clinic.screening.config.ClinicConfig;
import clinic.screening.config.ClinicTime;

/**
 * Announces changes to what decisions rest on, through the outbox in the change's own transaction:
 * a new intake version (keyed by patient) and a new policy version. booking-service screens the
 * affected appointments again when it reads them, so a decision never outlives its inputs.
 */
@ApplicationScoped
public class ScreeningEvents {

    /** Every policy event shares one key, so versions reach consumers in the order they were made. */
    static final UUID POLICY_KEY = UUID.nameUUIDFromBytes("clinic-safety-policy".getBytes(java.nio.charset.StandardCharsets.UTF_8));

    private final Outbox outbox;
    private final ObjectMapper json;
    private final ClinicTime time;
    private final String topic;

    public ScreeningEvents(Outbox outbox, ObjectMapper json, ClinicTime time, ClinicConfig config) {
        this.outbox = outbox;
        this.json = json;
        this.time = time;
        this.topic = config.screeningEvents().topic();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void intakeRecorded(UUID patientId, int intakeVersion) {
        publish(patientId, new ScreeningEvent(UUID.randomUUID(), ScreeningEvent.INTAKE_RECORDED, ScreeningEvent.VERSION,
                time.now(), patientId, intakeVersion, null, null));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void policyPublished(int policyVersion) {
        publish(POLICY_KEY, new ScreeningEvent(UUID.randomUUID(), ScreeningEvent.POLICY_PUBLISHED, ScreeningEvent.VERSION,
                time.now(), null, null, policyVersion, null));
    }

    /**
     * The duplicate's intakes are merged into the survivor (whose newest intake version is given,
     * null when it has none): booking may screen the survivor's appointments again. Keyed by the
     * survivor, after any IntakeRecorded of the same merge.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void mergeApplied(UUID survivorId, UUID duplicateId, Integer intakeVersion) {
        publish(survivorId, new ScreeningEvent(UUID.randomUUID(), ScreeningEvent.PATIENT_MERGE_APPLIED, ScreeningEvent.VERSION,
                time.now(), survivorId, intakeVersion, null, duplicateId));
    }

    private void publish(UUID key, ScreeningEvent event) {
        try {
            outbox.append(new OutboxMessage(event.eventId(), topic, key, event.type(), json.writeValueAsString(event),
                    event.occurredAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("screening event could not be serialized", e);
        }
    }
}
