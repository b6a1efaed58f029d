package clinic.content.service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.TransactionSynchronizationRegistry;

import clinic.content.domain.Appointment;
import clinic.content.domain.MessageKind;
import clinic.content.domain.OutboundMessage;
import clinic.content.domain.ProcessedEvent;
import clinic.content.domain.ProcessedEvent.Outcome;
import clinic.content.domain.Procedure;
import clinic.content.events.AppointmentEvent;
import clinic.content.events.EventType;
import clinic.content.planning.AftercareMessages;
import clinic.content.planning.ReminderMessages;
import clinic.content.planning.StatusMessages;
import clinic.content.repository.AppointmentRepository;
import clinic.content.repository.OutboundMessageRepository;
import clinic.content.repository.ProcessedEventRepository;
import clinic.web.tx.AfterCommit;
import io.quarkus.logging.Log;

/**
 * Applies one appointment event: updates what we know of the appointment, withdraws what is no
 * longer true and plans what the patient must now be told, and records the event id, all in one
 * transaction. A redelivered event finds its id and does nothing; an event older than one already
 * applied (lower sequence) is recorded as STALE and does nothing. After the commit the dispatcher
 * is woken, so a new message does not wait for its next look. Logs carry ids and types only.
 *
 * <p>Messages are addressed by {@link PatientContacts}: to the record that holds the patient now
 * (the survivor of a merge), with the newest contact data known; nothing is planned for an erased
 * patient.
 *
 * <p>Each change of standing supersedes the status messages and reminders not yet sent (the
 * patient only needs to hear where the appointment stands now); a message that may already have
 * reached them is answered by the next one in order (an update, or a calendar cancellation).
 */
@ApplicationScoped
public class EventService {

    /** Superseded by any later change of the appointment's standing, while not yet sent. */
    private static final Set<MessageKind> STANDING = EnumSet.of(MessageKind.CONFIRMATION, MessageKind.UPDATE,
            MessageKind.NOTICE, MessageKind.REMINDER);
    private static final Set<MessageKind> REMINDERS = EnumSet.of(MessageKind.REMINDER);
    private static final Set<MessageKind> ALL = EnumSet.allOf(MessageKind.class);
    /** What stands in the way of the appointment as booked, or no longer does; none changes its standing. */
    private static final Set<EventType> OBSTACLES = EnumSet.of(EventType.AppointmentDayClosed, EventType.AppointmentDayReopened,
            EventType.AppointmentPractitionerAway, EventType.AppointmentPractitionerBack);
    private static final Object WAKE_AFTER_COMMIT = new Object();

    private final ProcessedEventRepository processedEvents;
    private final AppointmentRepository appointments;
    private final OutboundMessageRepository messages;
    private final StatusMessages status;
    private final ReminderMessages reminders;
    private final AftercareMessages aftercare;
    private final TransactionSynchronizationRegistry transactions;
    private final DispatchSignal dispatcher;
    private final PatientContacts contacts;
    private final Clock clock;

    public EventService(ProcessedEventRepository processedEvents, AppointmentRepository appointments,
            OutboundMessageRepository messages, StatusMessages status, ReminderMessages reminders,
            AftercareMessages aftercare, TransactionSynchronizationRegistry transactions, DispatchSignal dispatcher,
            PatientContacts contacts, Clock clock) {
        this.processedEvents = processedEvents;
        this.appointments = appointments;
        this.messages = messages;
        this.status = status;
        this.reminders = reminders;
        this.aftercare = aftercare;
        this.transactions = transactions;
        this.dispatcher = dispatcher;
        this.contacts = contacts;
        this.clock = clock;
    }

    @Transactional
    public Outcome apply(AppointmentEvent e) {
        if (processedEvents.contains(e.eventId())) {
            Log.infof("Event %s already applied; ignoring the redelivery", e.eventId());
            return null;
        }
        // the patient's messages go to the record and contact data that hold now; an erased patient gets none
        Optional<AppointmentEvent> addressed = contacts.addressed(e);
        Outcome outcome = addressed.map(this::decide).orElse(Outcome.IGNORED);
        if (addressed.isEmpty()) {
            Log.infof("Event %s: patient %s was erased; nothing is planned", e.eventId(), e.patientId());
        }
        ProcessedEvent record = new ProcessedEvent();
        record.eventId = e.eventId();
        record.appointmentId = e.appointmentId();
        record.eventType = e.type();
        record.sequence = e.sequence();
        record.outcome = outcome;
        record.processedAt = clock.instant();
        processedEvents.record(record);
        // debug: the processed_event row keeps the same facts durably, and a line per event (one per
        // booking and more) was a thirtieth of the service's CPU under load (JFR)
        Log.debugf("Event %s %s (appointment %s, sequence %d, version %d): %s", e.eventId(), e.type(),
                e.appointmentId(), e.sequence(), e.version(), outcome);
        return outcome;
    }

    private Outcome decide(AppointmentEvent e) {
        Optional<EventType> type = EventType.of(e.type());
        Optional<Procedure> procedure = Procedure.fromCode(e.procedure());
        if (type.isEmpty() || procedure.isEmpty()) {
            // A newer producer may add types or procedures; we record the id and leave the rest alone.
            Log.infof("Event %s: type or procedure not understood by this service (version %d); ignored",
                    e.eventId(), e.version());
            return Outcome.IGNORED;
        }
        if (e.version() > AppointmentEvent.KNOWN_VERSION) {
            // The contract promises breaking changes a new topic, so a newer version here only adds
            // fields: apply what we understand.
            Log.infof("Event %s has version %d (this service knows %d); applying the fields it knows",
                    e.eventId(), e.version(), AppointmentEvent.KNOWN_VERSION);
        }
        Optional<Appointment> known = appointments.findForUpdate(e.appointmentId());
        if (known.isPresent() && e.sequence() <= known.get().lastSequence) {
            return Outcome.STALE;
        }
        Appointment appointment = known.orElseGet(Appointment::new);
        String before = known.map(a -> a.status).orElse(null);
        boolean wasCompleted = appointment.isCompleted();
        boolean couldGoAhead = appointment.canGoAheadAsBooked();
        EarlierMessages earlier = new EarlierMessages(messages, e.appointmentId(), known.isEmpty());
        updateState(appointment, type.get(), e);
        // a new appointment is written before its messages, which refer to it; a known one once the
        // effects have decided what it still owes the patient (as is a new one they changed)
        List<Object> inserted = known.isEmpty() ? insert(appointment) : null;
        if (wasCompleted) {
            // the aftercare of a treatment that happened stands, whatever booking corrects later
            Log.infof("Event %s: appointment %s already completed; nothing more to tell", e.eventId(), e.appointmentId());
        } else {
            effects(type.get(), e, procedure.get(), before, couldGoAhead, appointment, earlier);
        }
        if (inserted == null || !inserted.equals(AppointmentRepository.columns(appointment))) {
            appointments.update(appointment);
        }
        return Outcome.APPLIED;
    }

    private List<Object> insert(Appointment appointment) {
        appointments.insert(appointment);
        return AppointmentRepository.columns(appointment);
    }

    private void updateState(Appointment a, EventType type, AppointmentEvent e) {
        a.appointmentId = e.appointmentId();
        a.patientId = e.patientId();
        a.procedure = e.procedure();
        a.status = e.status();
        a.lastSequence = e.sequence();
        a.startAt = e.start();
        a.endAt = e.end();
        switch (type) {
            case AppointmentCompleted -> a.completedAt = a.completedAt == null ? e.occurredAt() : a.completedAt;
            case AppointmentCheckedIn -> a.arrivedAt = a.arrivedAt == null ? e.occurredAt() : a.arrivedAt;
            case AppointmentRescheduled -> {
                // the clinic offers no time on a closed day or while the practitioner is away, so a
                // moved appointment can go ahead at its new time
                a.arrivedAt = null;
                a.dayClosed = false;
                a.practitionerAway = false;
            }
            case AppointmentDayClosed -> a.dayClosed = true;
            case AppointmentDayReopened -> a.dayClosed = false;
            case AppointmentPractitionerAway -> a.practitionerAway = true;
            case AppointmentPractitionerBack -> a.practitionerAway = false;
            default -> {
                // nothing more to keep
            }
        }
        if (!OBSTACLES.contains(type)) {
            // any other change of standing says where the appointment stands now, in its own message
            a.confirmationOwed = false;
        }
        a.updatedAt = clock.instant();
    }

    /**
     * What the event means for the patient's messages, given the appointment as it now stands. A
     * patient who has checked in is at the clinic: a review or a hold that a new decision brings then
     * is told in person, and an e-mail saying the appointment is to be confirmed or to call the clinic
     * would reach them in the waiting room. No reminder asks a patient to come on a day the clinic has
     * closed, or to a practitioner who is away; the front desk moves or cancels such appointments with
     * the patient. Nor does a confirmation: one that comes meanwhile (after a review) is sent once
     * nothing stands in the way any more, and a move confirms the appointment at its new time.
     */
    private void effects(EventType type, AppointmentEvent e, Procedure p, String before, boolean couldGoAhead,
            Appointment state, EarlierMessages earlier) {
        Instant now = clock.instant();
        switch (type) {
            case AppointmentPendingReview -> {
                withdraw(e, earlier, STANDING, now);
                if (state.patientArrived()) {
                    Log.debugf("Event %s: the patient is at the clinic; the review is told in person", e.eventId());
                } else if (before == null || "PENDING_REVIEW".equals(before)) {
                    plan(status.reserved(e, p));
                } else {
                    plan(status.toBeConfirmedAgain(e, p, earlier.calendarMaybeDelivered()));
                }
            }
            case AppointmentConfirmed -> confirmed(e, p, earlier, state, now);
            case AppointmentRescheduled -> rescheduled(e, p, earlier, now);
            case AppointmentOnHold -> {
                withdraw(e, earlier, STANDING, now);
                if (!state.patientArrived()) {
                    plan(status.onHold(e, p, earlier.calendarMaybeDelivered()));
                }
            }
            case AppointmentRejected -> {
                withdraw(e, earlier, ALL, now);
                // the patient may have heard nothing yet (a notice withdrawn unsent), but a denial is always told
                plan(status.denied(e, p, earlier.calendarMaybeDelivered()));
            }
            case AppointmentCancelled -> {
                withdraw(e, earlier, ALL, now);
                // a cancellation is only news to a patient who may have heard of the appointment
                if (earlier.anyMaybeDelivered() && !earlier.exists("CANCELLATION")) {
                    plan(status.cancelled(e, p, earlier.calendarMaybeDelivered()));
                }
            }
            case AppointmentNoShow -> withdraw(e, earlier, ALL, now);
            case AppointmentCheckedIn, AppointmentDayClosed, AppointmentPractitionerAway -> withdraw(e, earlier, REMINDERS, now);
            case AppointmentDayReopened, AppointmentPractitionerBack -> {
                if (couldGoAhead || !state.canGoAheadAsBooked()) {
                    // nothing stood in its way when last heard of (it moved since), or something still does
                    Log.debugf("Event %s: the appointment's prospects are unchanged; nothing to plan", e.eventId());
                } else if (state.confirmationOwed) {
                    state.confirmationOwed = false;
                    confirmed(e, p, earlier, state, now);
                } else if ("CONFIRMED".equals(e.status())) {
                    reminders.plan(e, p).forEach(this::plan);
                }
            }
            case AppointmentCompleted -> {
                // a confirmation still queued is sent all the same (the patient's record of the
                // booking), and before the aftercare: messages go out in the order they were planned
                withdraw(e, earlier, REMINDERS, now);
                aftercare.plan(e, p).forEach(this::plan);
            }
        }
    }

    private void confirmed(AppointmentEvent e, Procedure p, EarlierMessages earlier, Appointment state, Instant now) {
        withdraw(e, earlier, STANDING, now);
        if (!state.canGoAheadAsBooked()) {
            state.confirmationOwed = true;
            Log.debugf("Event %s: the clinic is closed or the practitioner away then; the confirmation waits", e.eventId());
            return;
        }
        if (earlier.calendarMaybeDelivered()) {
            plan(status.confirmedAgain(e, p));
        } else {
            plan(status.confirmation(e, p, confirmationStep(e, earlier)));
        }
        reminders.plan(e, p).forEach(this::plan);
    }

    private void rescheduled(AppointmentEvent e, Procedure p, EarlierMessages earlier, Instant now) {
        withdraw(e, earlier, STANDING, now);
        boolean holdsCalendar = earlier.calendarMaybeDelivered();
        switch (e.status()) {
            case "CONFIRMED" -> {
                plan(holdsCalendar ? status.moved(e, p) : status.confirmation(e, p, confirmationStep(e, earlier)));
                reminders.plan(e, p).forEach(this::plan);
            }
            case "PENDING_REVIEW" -> plan(status.toBeConfirmedAgain(e, p, holdsCalendar));
            case "ON_HOLD" -> plan(status.onHold(e, p, holdsCalendar));
            default -> Log.infof("Event %s: a move to status %s tells the patient nothing", e.eventId(), e.status());
        }
    }

    /** CONFIRMATION the first time; after one was withdrawn unsent, a new step (a new Message-ID for new content). */
    private String confirmationStep(AppointmentEvent e, EarlierMessages earlier) {
        return earlier.exists("CONFIRMATION") ? "CONFIRMATION-" + e.sequence() : "CONFIRMATION";
    }

    private void plan(OutboundMessage message) {
        messages.insert(message);
        wakeDispatcherAfterCommit();
    }

    private void withdraw(AppointmentEvent e, EarlierMessages earlier, Set<MessageKind> kinds, Instant now) {
        int withdrawn = earlier.withdrawUnsent(kinds, now);
        if (withdrawn > 0) {
            Log.infof("Event %s: withdrew %d unsent message(s) of appointment %s", e.eventId(), withdrawn, e.appointmentId());
        }
    }

    private void wakeDispatcherAfterCommit() {
        AfterCommit.run(transactions, WAKE_AFTER_COMMIT, dispatcher::wake);
    }
}
