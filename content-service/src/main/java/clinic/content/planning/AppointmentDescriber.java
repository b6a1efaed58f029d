package clinic.content.planning;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.ClinicConfig;
import clinic.content.domain.Procedure;
import clinic.content.events.AppointmentEvent;
import clinic.content.mail.AppointmentView;
import clinic.content.mail.CalendarWriter;
import clinic.content.mail.CalendarWriter.CalendarEntry;

/** An appointment as messages show it: local date and time in the clinic's zone, and its calendar entry. */
@ApplicationScoped
public class AppointmentDescriber {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEEE, d MMMM yyyy", Locale.ENGLISH);
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);

    private final ClinicConfig clinic;

    public AppointmentDescriber(ClinicConfig clinic) {
        this.clinic = clinic;
    }

    public ZoneId zone() {
        return clinic.timeZone();
    }

    public String phone() {
        return clinic.phone();
    }

    public AppointmentView view(AppointmentEvent e, Procedure procedure) {
        ZoneId zone = clinic.timeZone();
        ZonedDateTime start = e.start().atZone(zone);
        String previous = null;
        if (e.previousStart() != null) {
            ZonedDateTime before = e.previousStart().atZone(zone);
            previous = DATE.format(before) + " at " + TIME.format(before);
        }
        return new AppointmentView(e.patientFirstName(), procedure.displayName(), DATE.format(start), TIME.format(start),
                zone.getId(), e.practitionerName(), e.roomName(), previous, procedure.preVisitNotes());
    }

    /** The iCalendar object; the booking event's sequence grows with every change, so it is SEQUENCE. */
    public String calendar(CalendarWriter.Method method, CalendarWriter.Status status, AppointmentEvent e, Procedure procedure) {
        String description = procedure.displayName()
                + (e.practitionerName() == null ? "" : " with " + e.practitionerName())
                + " at " + clinic.name() + ".\nTo change or cancel, call " + clinic.phone() + ".";
        // SEQUENCE is the same on every redelivery of the event, and only increases
        return CalendarWriter.write(method, new CalendarEntry(calendarUid(e.appointmentId()), e.sequence(), e.occurredAt(),
                e.start(), e.end(), clinic.timeZone(), status, procedure.displayName() + " at " + clinic.name(),
                clinic.address(), description, clinic.name(), clinic.senderAddress(), e.patientFirstName(), e.patientEmail()));
    }

    public String calendarUid(UUID appointmentId) {
        return "appointment-" + appointmentId + "@" + clinic.senderDomain();
    }
}
