package clinic.booking.service;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import clinic.booking.domain.Appointment;
import clinic.booking.domain.Closure;
import clinic.booking.domain.Patient;
import clinic.booking.domain.TimeOff;

/** Reads what a calendar screen shows in a fixed number of queries, whatever the number of appointments. */
@ApplicationScoped
public class CalendarView {

    /** Appointments are capped like the appointment list; a calendar range is at most a few weeks. */
    static final int MAX_APPOINTMENTS = 2000;

    /** What one calendar answer holds. */
    public record Read(List<Appointment> appointments, List<Patient> patients, List<Closure> closures, List<TimeOff> timeOff) {
    }

    @Inject
    AppointmentRepository appointments;

    @Inject
    ClosureRepository closures;

    @Inject
    EntityManager em;

    @Transactional
    public Read read(AppointmentRepository.Filter filter) {
        List<Appointment> list = appointments.list(filter, MAX_APPOINTMENTS);
        Set<UUID> patientIds = list.stream().map(a -> a.patientId).collect(Collectors.toSet());
        List<Patient> patients = patientIds.isEmpty() ? List.of()
                : em.createQuery("from Patient p where p.id in :ids", Patient.class).setParameter("ids", patientIds).getResultList();
        var timeOffQuery = em.createQuery("from TimeOff t where t.endAt > :from and t.startAt < :to"
                + (filter.practitionerId() == null ? "" : " and t.practitionerId = :practitioner") + " order by t.startAt", TimeOff.class)
                .setParameter("from", filter.from()).setParameter("to", filter.to());
        if (filter.practitionerId() != null) {
            timeOffQuery.setParameter("practitioner", filter.practitionerId());
        }
        List<TimeOff> timeOff = timeOffQuery.getResultList();
        return new Read(list, patients, closures.overlapping(filter.from(), filter.to()), timeOff);
    }
}
