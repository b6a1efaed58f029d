package clinic.content.api;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

import clinic.content.domain.MessageStatus;
import clinic.content.repository.OutboundMessageRepository;
import clinic.web.ProblemException;

/** Message delivery across all appointments, for the clinic's admin: what went out, what failed, what is uncertain. */
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
public class DeliveryResource {

    static final int MAX_LIMIT = 500;

    private final OutboundMessageRepository messages;

    public DeliveryResource(OutboundMessageRepository messages) {
        this.messages = messages;
    }

    @GET
    @Operation(summary = "Messages by due time, latest first", description = "Role: admin. Optionally only some statuses "
            + "(status=FAILED,UNCERTAIN); at most " + MAX_LIMIT + ". No recipient, subject or body.")
    @APIResponse(responseCode = "200", description = "The messages")
    @APIResponse(responseCode = "400", description = "An unknown status or a limit outside 1.." + MAX_LIMIT)
    @APIResponse(responseCode = "403", description = "Not an admin")
    public List<DeliveryEntry> list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("100") String limit) {
        return messages.recentlyDue(statuses(status), limit(limit)).stream()
                .map(m -> new DeliveryEntry(m.appointmentId, m.kind.name(), m.step, m.essential, m.dueAt, m.status.name(),
                        m.sentAt, m.attempts, m.lastError))
                .toList();
    }

    private static Set<MessageStatus> statuses(String status) {
        Set<MessageStatus> statuses = EnumSet.noneOf(MessageStatus.class);
        if (status == null || status.isBlank()) {
            return statuses;
        }
        for (String name : status.split(",")) {
            try {
                statuses.add(MessageStatus.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status", "unknown status '" + name.trim() + "'; expected some of "
                        + Arrays.toString(MessageStatus.values()));
            }
        }
        return statuses;
    }

    private static int limit(String limit) {
        try {
            int value = Integer.parseInt(limit.trim());
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw ProblemException.badRequest("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
