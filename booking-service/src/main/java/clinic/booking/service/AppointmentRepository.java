package clinic.booking.service;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import clinic.booking.domain.Appointment;
import clinic.booking.domain.AppointmentStatus;
import clinic.web.ProblemException;

/** Appointment reads: one place for every query of the appointment table except the calendar's hot read. */
@ApplicationScoped
public class AppointmentRepository {

    @Inject
    EntityManager em;

    /** A filter of the appointment list; null fields do not filter. */
    public record Filter(Instant from, Instant to, UUID practitionerId, UUID roomId, UUID patientId, AppointmentStatus status) {
    }

    public Appointment get(UUID id) {
        Appointment appointment = em.find(Appointment.class, id);
        if (appointment == null) {
            throw ProblemException.notFound("Appointment", id);
        }
        return appointment;
    }

    public List<Appointment> list(Filter filter, int limit) {
        StringBuilder query = new StringBuilder("from Appointment a where 1 = 1");
        Map<String, Object> params = new java.util.HashMap<>();
        add(query, params, "a.startAt >=", "from", filter.from());
        add(query, params, "a.startAt <", "to", filter.to());
        add(query, params, "a.practitionerId =", "practitionerId", filter.practitionerId());
        add(query, params, "a.roomId =", "roomId", filter.roomId());
        add(query, params, "a.patientId =", "patientId", filter.patientId());
        add(query, params, "a.status =", "status", filter.status());
        var typed = em.createQuery(query.append(" order by a.startAt, a.id").toString(), Appointment.class).setMaxResults(limit);
        params.forEach(typed::setParameter);
        return typed.getResultList();
    }

    public List<Appointment> ofPatient(UUID patientId) {
        return em.createQuery("from Appointment a where a.patientId = ?1 order by a.startAt", Appointment.class)
                .setParameter(1, patientId).getResultList();
    }

    /** Which of these appointments are owed a re-screen: their decision predates the newest intake or policy. */
    public Set<UUID> rescreenDue(Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        @SuppressWarnings("unchecked")
        List<UUID> due = em.createNativeQuery("""
                SELECT id FROM appointment WHERE id = ANY (?1)
                   AND appointment_rescreen_due(status, patient_id, decision_intake_version, decision_policy_version)""",
                UUID.class).setParameter(1, ids.toArray(UUID[]::new)).getResultList();
        return new HashSet<>(due);
    }

    public boolean rescreenDue(UUID id) {
        return rescreenDue(List.of(id)).contains(id);
    }

    private static void add(StringBuilder query, Map<String, Object> params, String condition, String name, Object value) {
        if (value != null) {
            query.append(" and ").append(condition).append(" :").append(name);
            params.put(name, value);
        }
    }
}
