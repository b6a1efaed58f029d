package clinic.content.api;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import clinic.content.domain.MessageStatus;
import clinic.content.domain.OutboundMessage;
import clinic.content.repository.OutboundMessageRepository;
import clinic.content.service.MessageDesk;
import clinic.web.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;

/**
 * Messages that did not reach a patient, for staff: see them, send one again, or close it by hand.
 * Everyone on staff may look; the front desk (who phone patients) and admins may act.
 */
@Path("/api/messages")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ "front-desk", "clinician", "admin" })
public class MessageAttentionResource {

    private static final int MAX_LIMIT = 500;

    private final OutboundMessageRepository messages;
    private final MessageDesk desk;
    private final SecurityIdentity identity;

    public MessageAttentionResource(OutboundMessageRepository messages, MessageDesk desk, SecurityIdentity identity) {
        this.messages = messages;
        this.desk = desk;
        this.identity = identity;
    }

    /** Failed, dropped and retrying messages (or those of {@code status}), most recently changed first. */
    @GET
    @Path("/attention")
    public List<AttentionItem> attention(@QueryParam("status") List<String> status,
            @QueryParam("limit") @DefaultValue("100") int limit) {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw ProblemException.badRequest("limit", "must be between 1 and " + MAX_LIMIT);
        }
        Set<MessageStatus> wanted = status == null || status.isEmpty() ? MessageStatus.ATTENTION : statuses(status);
        return messages.needingAttention(wanted, limit).stream().map(MessageAttentionResource::item).toList();
    }

    @POST
    @Path("/{id}/resend")
    @RolesAllowed({ "front-desk", "admin" })
    public AttentionItem resend(@PathParam("id") UUID id) {
        return item(desk.resend(id, identity.getPrincipal().getName()));
    }

    @POST
    @Path("/{id}/close")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({ "front-desk", "admin" })
    public AttentionItem close(@PathParam("id") UUID id, @Valid @NotNull CloseRequest request) {
        return item(desk.close(id, identity.getPrincipal().getName(), request.note()));
    }

    static AttentionItem item(OutboundMessage m) {
        List<String> actions = MessageStatus.RESENDABLE.contains(m.status) ? List.of("RESEND", "CLOSE") : List.of();
        return new AttentionItem(m.id, m.appointmentId, m.patientId, m.kind.name(), m.step, m.essential, m.status.name(),
                m.dueAt, m.deadlineAt, m.attempts, m.lastError, m.updatedAt, m.closedBy, m.closedAt, m.closedNote, actions);
    }

    private static Set<MessageStatus> statuses(List<String> names) {
        Set<MessageStatus> out = EnumSet.noneOf(MessageStatus.class);
        for (String name : names) {
            try {
                out.add(MessageStatus.valueOf(name.trim()));
            } catch (IllegalArgumentException e) {
                throw ProblemException.badRequest("status", "unknown status '" + name + "'");
            }
        }
        return out;
    }
}
