package clinic.booking.service;

import java.time.Clock;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import clinic.booking.api.CatalogDtos.TimeOffView;
import clinic.booking.domain.Appointment;
import clinic.booking.domain.Practitioner;
import clinic.booking.domain.TimeOff;
import clinic.booking.outbox.AppointmentEventType;
import clinic.booking.outbox.AppointmentEvents;
import clinic.web.ProblemException;

/**
 * A practitioner's time off. Like a closure, it never moves or cancels what is booked in it: only a
 * person can agree a new time with the patient. Each appointment still to happen in it gets an
 * event in the same transaction (AppointmentPractitionerAway, and AppointmentPractitionerBack when
 * no time off covers it any more), so that no reminder asks the patient to come to a practitioner
 * who is away. Adding it holds bookings and moves back as a closure does ({@link BlockedTime}), so
 * none slips into it unseen.
 */
@ApplicationScoped
public class PractitionerTimeOff {

    @Inject
    Clock clock;

    @Inject
    AppointmentRepository appointments;

    @Inject
    AppointmentEvents events;

    @Transactional
    public TimeOff add(UUID practitionerId, TimeOffView view) {
        if (Practitioner.findById(practitionerId) == null) {
            throw ProblemException.notFound("Practitioner", practitionerId);
        }
        if (!view.end().isAfter(view.start())) {
            throw ProblemException.badRequest("end", "must be after start");
        }
        if (!view.end().toInstant().isAfter(clock.instant())) {
            // as for a closure: time off that has ended takes no time from anyone, and no list would show it
            throw ProblemException.badRequest("end", "is in the past: time off that has ended changes nothing");
        }
        appointments.holdWrites();
        TimeOff off = new TimeOff();
        off.id = UUID.randomUUID();
        off.practitionerId = practitionerId;
        off.startAt = view.start().toInstant();
        off.endAt = view.end().toInstant();
        // the reason is optional: blank is none
        off.reason = view.reason() == null || view.reason().isBlank() ? null : view.reason().strip();
        off.persist();
        appointments.stillToHappen(off.startAt, off.endAt, practitionerId)
                .forEach(a -> events.record(AppointmentEventType.AppointmentPractitionerAway, a, null, null));
        return off;
    }

    /** Removes the time off; appointments in it that no other time off of the practitioner covers hear of it. */
    @Transactional
    public void remove(UUID practitionerId, UUID timeOffId) {
        TimeOff off = TimeOff.<TimeOff>find("id = ?1 and practitionerId = ?2", timeOffId, practitionerId).firstResultOptional()
                .orElseThrow(() -> ProblemException.notFound("Time off", timeOffId));
        off.delete();
        TimeOff.flush();
        appointments.stillToHappen(off.startAt, off.endAt, practitionerId).stream()
                .filter(a -> !awayDuring(a))
                .forEach(a -> events.record(AppointmentEventType.AppointmentPractitionerBack, a, null, null));
    }

    private static boolean awayDuring(Appointment a) {
        return TimeOff.count("practitionerId = ?1 and startAt < ?2 and endAt > ?3", a.practitionerId, a.occupiedUntil, a.startAt) > 0;
    }
}
