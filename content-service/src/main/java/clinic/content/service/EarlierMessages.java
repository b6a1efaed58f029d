package clinic.content.service;

import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import clinic.content.domain.MessageKind;
import clinic.content.repository.OutboundMessageRepository;

/**
 * The messages planned for one appointment before the event being applied, as that event asks about
 * them (every question comes before the event plans anything). Messages are planned only after their
 * appointment is recorded ({@link EventService}), so an appointment first heard of in this event has
 * none and the database is not asked: a first confirmation runs three statements fewer.
 */
final class EarlierMessages {

    private final OutboundMessageRepository messages;
    private final UUID appointmentId;
    private final boolean none;

    EarlierMessages(OutboundMessageRepository messages, UUID appointmentId, boolean appointmentFirstHeard) {
        this.messages = messages;
        this.appointmentId = appointmentId;
        this.none = appointmentFirstHeard;
    }

    /** Withdraws those of these kinds not yet sent; answers how many. */
    int withdrawUnsent(Set<MessageKind> kinds, Instant now) {
        return none ? 0 : messages.cancelUnsent(appointmentId, kinds, now);
    }

    boolean calendarMaybeDelivered() {
        return !none && messages.calendarMaybeDelivered(appointmentId);
    }

    boolean anyMaybeDelivered() {
        return !none && messages.anyMaybeDelivered(appointmentId);
    }

    boolean exists(String step) {
        return !none && messages.exists(appointmentId, step);
    }
}
