package clinic.screening.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import clinic.screening.api.OtherAppointment;
import clinic.screening.config.ClinicTime;
import clinic.screening.domain.InputsSummary.OtherAppointmentInput;
import clinic.screening.policy.ScheduledProcedure;

/**
 * Decides which of the patient's other appointments count for the interval rules, for screening
 * and for blocked periods alike: not the appointment being screened, not cancelled / no-show /
 * rejected ones.
 */
final class OtherAppointments {

    /** Each reported appointment with whether it counted, and the ones that did, as clinic days. */
    record Considered(List<OtherAppointmentInput> inputs, List<ScheduledProcedure> counted) {
    }

    private OtherAppointments() {
    }

    static Considered consider(UUID screenedAppointmentId, List<OtherAppointment> reported, ClinicTime time) {
        List<OtherAppointmentInput> inputs = new ArrayList<>();
        List<ScheduledProcedure> counted = new ArrayList<>();
        for (OtherAppointment other : reported == null ? List.<OtherAppointment>of() : reported) {
            String ignoredBecause = null;
            if (other.appointmentId().equals(screenedAppointmentId)) {
                ignoredBecause = "the appointment being screened";
            } else if (!other.status().countsForIntervals()) {
                ignoredBecause = "status " + other.status();
            }
            var day = time.dayOf(other.start());
            inputs.add(new OtherAppointmentInput(other.appointmentId(), other.procedure(),
                    time.iso(other.start()), day.toString(),
                    other.status(), ignoredBecause == null, ignoredBecause));
            if (ignoredBecause == null) {
                counted.add(new ScheduledProcedure(other.appointmentId(), other.procedure(), day));
            }
        }
        return new Considered(inputs, counted);
    }
}
