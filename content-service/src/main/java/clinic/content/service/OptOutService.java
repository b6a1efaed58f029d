package clinic.content.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.content.domain.OptOut;
import clinic.content.domain.PatientRecord;
import clinic.content.repository.OptOutRepository;
import clinic.content.repository.PatientRecordRepository;
import io.quarkus.logging.Log;

/** A patient's choice about non-essential messages: opted out by the patient's link, back in (or out) through staff. */
@ApplicationScoped
public class OptOutService {

    /** Who acted when the patient used the link in an e-mail. */
    public static final String BY_PATIENT_LINK = "patient (e-mail link)";

    private final OptOutRepository optOuts;
    private final PatientRecordRepository records;
    private final Clock clock;

    public OptOutService(OptOutRepository optOuts, PatientRecordRepository records, Clock clock) {
        this.optOuts = optOuts;
        this.records = records;
        this.clock = clock;
    }

    /**
     * Idempotent; the change is recorded with who made it. A link in a message sent before a merge
     * opts out the survivor (the same person); an erased patient's link changes nothing.
     */
    @Transactional
    public void optOut(UUID linkPatientId, String by) {
        Instant now = clock.instant();
        PatientRecord record = records.lock(linkPatientId, now);
        if (record.mergedInto != null) {
            record = records.lock(record.mergedInto, now);
        }
        if (record.erased()) {
            return;
        }
        UUID patientId = record.patientId;
        if (optOuts.record(patientId, now)) {
            optOuts.history(patientId, "OPTED_OUT", by, now);
            Log.infof("A patient opted out of non-essential messages (by %s)", by.startsWith("patient") ? by : "staff");
        }
    }

    /** Non-essential messages planned from now on reach the patient again; idempotent. */
    @Transactional
    public void optIn(UUID patientId, String by) {
        Instant now = clock.instant();
        if (optOuts.remove(patientId)) {
            optOuts.history(patientId, "OPTED_IN", by, now);
            Log.info("A patient was opted back in to non-essential messages by staff");
        }
    }

    @Transactional
    public Optional<OptOut> current(UUID patientId) {
        return optOuts.findByIdOptional(patientId);
    }
}
