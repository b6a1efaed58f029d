package clinic.content.service;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.content.domain.OutboundMessage;
import clinic.content.domain.PatientRecord;
import clinic.content.events.AppointmentEvent;
import clinic.content.intake.InvitationMailRepository;
import clinic.content.mail.Readdressing;
import clinic.content.repository.OutboundMessageRepository;
import clinic.content.repository.PatientRecordRepository;
import io.quarkus.logging.Log;

/**
 * Where a patient's messages go: the contact data of the highest contact version heard, from either
 * topic. Booking raises the version with every correction and puts it on appointment events too, so
 * an appointment event published before a correction but consumed after it never brings the old
 * address back; and when an appointment event brings a newer version before the correction event
 * arrives, the patient's other messages are readdressed at once. A merged duplicate's messages go
 * to the survivor's contact data; an erased patient gets nothing.
 */
@ApplicationScoped
public class PatientContacts {

    private final PatientRecordRepository records;
    private final OutboundMessageRepository messages;
    private final InvitationMailRepository invitations;
    private final Clock clock;

    public PatientContacts(PatientRecordRepository records, OutboundMessageRepository messages,
            InvitationMailRepository invitations, Clock clock) {
        this.records = records;
        this.messages = messages;
        this.invitations = invitations;
        this.clock = clock;
    }

    /**
     * The event as its messages must be addressed: to the record that holds the patient now, with
     * the newest contact data known; empty when the patient was erased.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Optional<AppointmentEvent> addressed(AppointmentEvent e) {
        Instant now = clock.instant();
        PatientRecord own = records.lock(e.patientId(), now);
        if (own.erased()) {
            return Optional.empty();
        }
        if (own.mergedInto == null) {
            learn(own, e.contactVersion(), e.patientFirstName(), e.patientEmail());
            return Optional.of(e.addressedTo(own.patientId, own.firstName, own.email, own.contactVersion));
        }
        // an event published before the merge: the survivor's contact data (the merge brought it) counts
        PatientRecord survivor = records.lock(own.mergedInto, now);
        if (survivor.erased()) {
            return Optional.empty();
        }
        if (survivor.firstName == null) {
            learn(survivor, 0, e.patientFirstName(), e.patientEmail());
        }
        return Optional.of(e.addressedTo(survivor.patientId, survivor.firstName, survivor.email, survivor.contactVersion));
    }

    /**
     * Keeps the contact data if it is newer than what is known (or nothing is), and readdresses the
     * patient's messages that may still go out; answers whether it was newer.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean learn(PatientRecord record, int version, String firstName, String email) {
        boolean known = record.firstName != null;
        // events from before contact versions (0) cannot be ordered: each is addressed as it says, and readdresses nothing
        boolean unversioned = version == 0 && record.contactVersion == 0;
        if (known && version <= record.contactVersion && !unversioned) {
            return false;
        }
        boolean changed = !firstName.equals(record.firstName) || !email.equals(record.email);
        record.contactVersion = Math.max(version, record.contactVersion);
        record.firstName = firstName;
        record.email = email;
        record.updatedAt = clock.instant();
        if (changed && known && !unversioned) {
            readdress(record);
        }
        return true;
    }

    /** Every message of the patient that may still go out takes the record's contact data. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void readdress(PatientRecord record) {
        int count = 0;
        for (OutboundMessage m : messages.lockReaddressable(record.patientId)) {
            m.recipient = record.email;
            m.bodyText = Readdressing.text(m.bodyText, record.firstName);
            m.bodyHtml = Readdressing.html(m.bodyHtml, record.firstName);
            m.calendar = Readdressing.calendar(m.calendar, record.firstName, record.email);
            m.updatedAt = record.updatedAt;
            count++;
        }
        count += invitations.readdress(record.patientId, record.firstName, record.email, record.updatedAt);
        if (count > 0) {
            Log.infof("Readdressed %d message(s) of patient %s to contact version %d", count, record.patientId,
                    record.contactVersion);
        }
    }
}
