package clinic.content.service;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.content.domain.PatientRecord;
import clinic.content.events.PatientEvent;
import clinic.content.intake.InvitationMailRepository;
import clinic.content.repository.AppointmentRepository;
import clinic.content.repository.OptOutRepository;
import clinic.content.repository.OutboundMessageRepository;
import clinic.content.repository.PatientRecordRepository;
import io.quarkus.logging.Log;

/**
 * Applies one patient event, with its id recorded in the same transaction (a redelivery changes
 * nothing). A correction readdresses what may still go out; a merge moves the duplicate's
 * appointments, messages, intake link e-mails and opt-out to the survivor and readdresses them; an
 * erasure cancels what was not yet sent and keeps of the patient's messages only their delivery
 * records, and later events about the erased ids change nothing. Logs carry ids and types only.
 */
@ApplicationScoped
public class PatientRecords {

    private final PatientRecordRepository records;
    private final PatientContacts contacts;
    private final AppointmentRepository appointments;
    private final OutboundMessageRepository messages;
    private final InvitationMailRepository invitations;
    private final OptOutRepository optOuts;
    private final Clock clock;

    public PatientRecords(PatientRecordRepository records, PatientContacts contacts, AppointmentRepository appointments,
            OutboundMessageRepository messages, InvitationMailRepository invitations, OptOutRepository optOuts, Clock clock) {
        this.records = records;
        this.contacts = contacts;
        this.appointments = appointments;
        this.messages = messages;
        this.invitations = invitations;
        this.optOuts = optOuts;
        this.clock = clock;
    }

    @Transactional
    public void apply(PatientEvent e) {
        Instant now = clock.instant();
        int fresh = records.getEntityManager().createNativeQuery("""
                INSERT INTO processed_patient_event (event_id, patient_id, event_type, processed_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT (event_id) DO NOTHING""")
                .setParameter(1, e.eventId()).setParameter(2, e.patientId()).setParameter(3, e.type()).setParameter(4, now)
                .executeUpdate();
        if (fresh == 0) {
            Log.infof("Patient event %s already applied; ignoring the redelivery", e.eventId());
            return;
        }
        switch (e.type()) {
            case PatientEvent.CONTACT_CORRECTED -> corrected(e, now);
            case PatientEvent.MERGED -> merged(e, now);
            case PatientEvent.ERASED -> erased(e, now);
            default -> Log.infof("Patient event %s of type %s not understood by this service; ignored", e.eventId(), e.type());
        }
    }

    private void corrected(PatientEvent e, Instant now) {
        PatientRecord record = records.lock(e.patientId(), now);
        if (record.erased() || record.mergedInto != null) {
            Log.infof("Patient event %s: record %s is %s; the correction changes nothing", e.eventId(), e.patientId(),
                    record.erased() ? "erased" : "merged");
            return;
        }
        boolean newer = contacts.learn(record, e.contactVersion(), e.firstName(), e.email());
        Log.infof("Patient event %s: contact version %d of patient %s %s", e.eventId(), e.contactVersion(), e.patientId(),
                newer ? "applied" : "already superseded");
    }

    private void merged(PatientEvent e, Instant now) {
        UUID duplicateId = e.patientId();
        UUID survivorId = e.survivorId();
        PatientRecord duplicate = records.lock(duplicateId, now);
        PatientRecord survivor = records.lock(survivorId, now);
        if (duplicate.erased() || survivor.erased()) {
            // booking erases the records merged into a patient with it; whichever came first, both end erased
            erase(Set.of(duplicateId, survivorId), now);
            return;
        }
        duplicate.mergedInto = survivorId;
        duplicate.firstName = null;
        duplicate.email = null;
        duplicate.updatedAt = now;
        records.redirectMerged(duplicateId, survivorId);
        int moved = messages.moveToPatient(duplicateId, survivorId);
        appointments.moveToPatient(duplicateId, survivorId);
        invitations.moveToPatient(duplicateId, survivorId);
        optOuts.moveToPatient(duplicateId, survivorId);
        records.flush();
        contacts.learn(survivor, e.contactVersion(), e.firstName(), e.email());
        contacts.readdress(survivor);
        Log.infof("Patient event %s: patient %s merged into %s (%d message(s) moved)", e.eventId(), duplicateId, survivorId, moved);
    }

    private void erased(PatientEvent e, Instant now) {
        Set<UUID> ids = new LinkedHashSet<>();
        ids.add(e.patientId());
        ids.addAll(e.mergedPatientIds());
        erase(ids, now);
        Log.infof("Patient event %s: patient %s erased with %d merged record(s)", e.eventId(), e.patientId(),
                e.mergedPatientIds().size());
    }

    /** Erases the records and every record content knows was merged into them. */
    private void erase(Set<UUID> given, Instant now) {
        Set<UUID> ids = new LinkedHashSet<>(given);
        given.forEach(id -> ids.addAll(records.mergedInto(id)));
        for (UUID id : ids) {
            PatientRecord record = records.lock(id, now);
            record.firstName = null;
            record.email = null;
            if (record.erasedAt == null) {
                record.erasedAt = now;
            }
            record.updatedAt = now;
        }
        records.flush();
        messages.erase(ids, now);
        invitations.erase(ids, now);
        optOuts.erase(ids);
    }
}
