package clinic.booking.outbox;

import java.time.Clock;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.Patient;
import clinic.outbox.Outbox;
import clinic.outbox.OutboxMessage;

/**
 * Records patient events in the outbox, in the transaction that makes the change. The Kafka key is
 * the patient the event is about (for a merge, the duplicate), so one record's events stay in order.
 */
@ApplicationScoped
public class PatientEvents {

    private final Outbox outbox;
    private final ObjectMapper json;
    private final Clock clock;
    private final String topic;

    public PatientEvents(Outbox outbox, ObjectMapper json, Clock clock, ClinicConfig config) {
        this.outbox = outbox;
        this.json = json;
        this.clock = clock;
        this.topic = config.patientEvents().topic();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void contactCorrected(Patient patient) {
        record(new PatientEvent(UUID.randomUUID(), PatientEvent.CONTACT_CORRECTED, PatientEvent.VERSION, clock.instant(),
                patient.id, patient.contactVersion, patient.firstName, patient.email, null, null));
    }

    /** The duplicate merged into the survivor, with the survivor's contact data (where the duplicate's messages now go). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void merged(UUID duplicateId, Patient survivor) {
        record(new PatientEvent(UUID.randomUUID(), PatientEvent.MERGED, PatientEvent.VERSION, clock.instant(),
                duplicateId, survivor.contactVersion, survivor.firstName, survivor.email, survivor.id, null));
    }

    /** The erasure of the patient and of every record merged into it earlier. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(UUID patientId, List<UUID> mergedPatientIds) {
        record(new PatientEvent(UUID.randomUUID(), PatientEvent.ERASED, PatientEvent.VERSION, clock.instant(),
                patientId, null, null, null, null, mergedPatientIds));
    }

    private void record(PatientEvent event) {
        try {
            outbox.append(new OutboxMessage(event.eventId(), topic, event.patientId(), event.type(), json.writeValueAsString(event),
                    event.occurredAt()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("patient event could not be serialized", e);
        }
    }
}
