package clinic.content.mail;

import java.util.List;

/** An appointment as a confirmation, update or cancellation email shows it, in the clinic's local time. */
public record AppointmentView(String firstName, String procedureName, String date, String time, String timeZone,
        String practitionerName, String roomName, String previousDateTime, List<String> preVisitNotes) {
}
