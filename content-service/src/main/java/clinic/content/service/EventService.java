package clinic.content.service;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import clinic.content.domain.Appointment;
import clinic.content.domain.MessageKind;
import clinic.content.domain.MessageStatus;
import clinic.content.domain.OutboundMessage;
import clinic.content.domain.ProcessedEvent;
import clinic.content.domain.ProcessedEvent.Outcome;
import clinic.content.domain.Procedure;
import clinic.content.events.AppointmentEvent;
import clinic.content.events.EventType;
import clinic.content.repository.AppointmentRepository;
import clinic.content.repository.OutboundMessageRepository;
import clinic.content.repository.ProcessedEventRepository;
import io.quarkus.logging.Log;

/**
 * Applies one appointment event: updates what we know of the appointment and schedules or
 * withdraws messages, and records the event id, all in one transaction. A redelivered event finds
 * its id and does nothing; an event older than one already applied (lower sequence) is recorded
 * as STALE and does nothing. Logs carry ids and types only, never names or addresses.
 */
@ApplicationScoped
public class EventService {

    private static final Set<MessageKind> CALENDAR = EnumSet.of(MessageKind.CONFIRMATION, MessageKind.UPDATE);
    private static final Set<MessageKind> ALL = EnumSet.allOf(MessageKind.class);

    private final ProcessedEventRepository processedEvents;
    private final AppointmentRepository appointments;
    private final OutboundMessageRepository messages;
    private final MessagePlanner planner;
    private final Clock clock;

    public EventService(ProcessedEventRepository processedEvents, AppointmentRepository appointments,
            OutboundMessageRepository messages, MessagePlanner planner, Clock clock) {
        this.processedEvents = processedEvents;
        this.appointments = appointments;
        this.messages = messages;
        this.planner = planner;
        this.clock = clock;
    }

    @Transactional
    public Outcome apply(AppointmentEvent e) {
        if (processedEvents.findByIdOptional(e.eventId()).isPresent()) {
            Log.infof("Event %s already applied; ignoring the redelivery", e.eventId());
            return null;
        }
        Outcome outcome = decide(e);
        ProcessedEvent record = new ProcessedEvent();
        record.eventId = e.eventId();
        record.appointmentId = e.appointmentId();
        record.eventType = e.type();
        record.sequence = e.sequence();
        record.outcome = outcome;
        record.processedAt = clock.instant();
        processedEvents.persist(record);
        Log.infof("Event %s %s (appointment %s, sequence %d, version %d): %s", e.eventId(), e.type(),
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
        boolean wasCompleted = appointment.isCompleted();
        updateState(appointment, e, known.isEmpty());
        effects(type.get(), e, procedure.get(), wasCompleted);
        return Outcome.APPLIED;
    }

    private void updateState(Appointment a, AppointmentEvent e, boolean isNew) {
        a.appointmentId = e.appointmentId();
        a.patientId = e.patientId();
        a.procedure = e.procedure();
        a.status = e.status();
        a.lastSequence = e.sequence();
        a.startAt = e.start();
        a.endAt = e.end();
        if ("AppointmentCompleted".equals(e.type()) && a.completedAt == null) {
            a.completedAt = e.occurredAt();
        }
        a.updatedAt = clock.instant();
        if (isNew) {
            appointments.persist(a);
        }
        appointments.flush();
    }

    private void effects(EventType type, AppointmentEvent e, Procedure procedure, boolean wasCompleted) {
        Instant now = clock.instant();
        switch (type) {
            case AppointmentConfirmed -> {
                if (!wasCompleted) {
                    scheduleCalendarRequest(e, procedure, now);
                }
            }
            case AppointmentRescheduled -> {
                if (wasCompleted) {
                    Log.infof("Event %s: appointment %s already completed; reschedule ignored", e.eventId(), e.appointmentId());
                } else if ("CONFIRMED".equals(e.status())) {
                    cancelUnsent(e, ALL, now);
                    scheduleCalendarRequest(e, procedure, now);
                } else {
                    cancelUnsent(e, ALL, now);
                }
            }
            case AppointmentCancelled -> {
                if (wasCompleted) {
                    Log.infof("Event %s: appointment %s already completed; aftercare kept", e.eventId(), e.appointmentId());
                } else {
                    cancelUnsent(e, ALL, now);
                    // A cancellation is only news to a patient who may have had the invitation.
                    if (messages.anyOf(e.appointmentId(), CALENDAR, MessageStatus.MAYBE_DELIVERED)
                            && !messages.exists(e.appointmentId(), "CANCELLATION")) {
                        messages.persist(planner.calendarCancel(e, procedure));
                    }
                }
            }
            case AppointmentNoShow, AppointmentRejected -> {
                if (!wasCompleted) {
                    cancelUnsent(e, ALL, now);
                }
            }
            case AppointmentCompleted -> {
                // A confirmation still queued is sent all the same: it is the patient's record of the booking.
                if (!wasCompleted) {
                    List<OutboundMessage> plan = planner.aftercare(e, procedure);
                    plan.forEach(messages::persist);
                }
            }
            case AppointmentOnHold -> {
                if (!wasCompleted) {
                    // a confirmation not yet sent would tell the patient it is going ahead
                    cancelUnsent(e, CALENDAR, now);
                    messages.persist(planner.onHold(e, procedure));
                }
            }
            case AppointmentPendingReview, AppointmentCheckedIn -> {
                // state only: nothing to tell the patient
            }
        }
    }

    /** The first invitation is the CONFIRMATION; any later one is an UPDATE with the same UID and a higher SEQUENCE. */
    private void scheduleCalendarRequest(AppointmentEvent e, Procedure procedure, Instant now) {
        if (!messages.exists(e.appointmentId(), "CONFIRMATION")) {
            messages.persist(planner.calendarRequest(e, procedure, MessageKind.CONFIRMATION, "CONFIRMATION"));
        } else {
            cancelUnsent(e, CALENDAR, now);
            messages.persist(planner.calendarRequest(e, procedure, MessageKind.UPDATE, "UPDATE-" + e.sequence()));
        }
    }

    private void cancelUnsent(AppointmentEvent e, Set<MessageKind> kinds, Instant now) {
        int cancelled = messages.cancelUnsent(e.appointmentId(), kinds, now);
        if (cancelled > 0) {
            Log.infof("Event %s: withdrew %d unsent message(s) of appointment %s", e.eventId(), cancelled, e.appointmentId());
        }
    }
}
