package clinic.screening.domain;

import java.util.List;
import java.util.UUID;

import clinic.screening.policy.AppointmentStatus;
import clinic.screening.policy.Procedure;

/**
 * What a decision was based on, stored with it: the request, the clinic-zone day it was judged
 * on, the intake version read, and each other appointment with whether it counted and why not.
 * Date-times are ISO strings so the stored audit record never depends on serializer settings.
 */
public record InputsSummary(Procedure procedure, String start, String appointmentDay, String timeZone,
        Integer intakeVersion, List<OtherAppointmentInput> otherAppointments) {

    /** One other appointment as booking reported it. */
    public record OtherAppointmentInput(UUID appointmentId, Procedure procedure, String start, String day,
            AppointmentStatus status, boolean considered, String ignoredBecause) {
    }
}
