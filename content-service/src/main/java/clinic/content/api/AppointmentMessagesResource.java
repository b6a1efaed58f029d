package clinic.content.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import clinic.content.repository.AppointmentRepository;
import clinic.content.repository.OutboundMessageRepository;
import clinic.web.ProblemException;

/** What was sent, or will be, for one appointment: for staff answering "did I get my aftercare?". */
@Path("/api/appointments/{id}/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "front-desk", "clinician", "admin" })
public class AppointmentMessagesResource {

    private final AppointmentRepository appointments;
    private final OutboundMessageRepository messages;

    public AppointmentMessagesResource(AppointmentRepository appointments, OutboundMessageRepository messages) {
        this.appointments = appointments;
        this.messages = messages;
    }

    @GET
    public List<AppointmentMessageResponse> list(@PathParam("id") UUID appointmentId) {
        if (appointments.findByIdOptional(appointmentId).isEmpty()) {
            throw ProblemException.notFound("Appointment", appointmentId);
        }
        return messages.forAppointment(appointmentId).stream()
                .map(m -> new AppointmentMessageResponse(m.id, m.kind.name(), m.step, m.essential, m.dueAt, m.deadlineAt,
                        m.status.name(), m.sentAt, m.attempts, m.messageId, m.lastError))
                .toList();
    }
}
