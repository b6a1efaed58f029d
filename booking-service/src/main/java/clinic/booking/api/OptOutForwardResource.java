package clinic.booking.api;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestQuery;

import clinic.booking.content.OptOutPageClient;
import clinic.web.Problem;

/**
 * The opt-out link in patients' e-mails. booking-service is the clinic's only public entry point,
 * so it hands the link to content-service, which checks its token (the link's only credential) and
 * answers the page. GET shows a page with a button and changes nothing (mail scanners follow
 * links); POST, from that button or from a mail client's one-click unsubscribe (RFC 8058, token in
 * the address), opts out. The only endpoints without sign-in.
 */
@Path("/opt-out")
@Tag(name = "Patient links", description = "Pages a patient opens from a link in an e-mail: no sign-in, the link's token is the only credential")
@PermitAll
public class OptOutForwardResource {

    @Inject
    OptOutPageClient content;

    @GET
    @Produces({ MediaType.TEXT_HTML, Problem.MEDIA_TYPE })
    @Operation(summary = "The opt-out confirmation page (link from an e-mail; no sign-in; changes nothing)")
    @APIResponse(responseCode = "403", description = "Not a valid opt-out link")
    @APIResponse(responseCode = "410", description = "The link has expired")
    @APIResponse(responseCode = "503", description = "content-service unavailable; nothing changed")
    @APIResponse(responseCode = "200", description = "The page with the opt-out button",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response page(@RestQuery String token, @RestHeader("Accept") String accept) {
        return content.page(token, accept);
    }

    @POST
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    @Produces({ MediaType.TEXT_HTML, Problem.MEDIA_TYPE })
    @Operation(summary = "Opt out of non-essential messages: the page's button, or a mail client's one-click POST (RFC 8058)")
    @APIResponse(responseCode = "403", description = "Not a valid opt-out link")
    @APIResponse(responseCode = "410", description = "The link has expired")
    @APIResponse(responseCode = "503", description = "content-service unavailable; nothing changed")
    @APIResponse(responseCode = "200", description = "Opted out: the page that says so",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    public Response optOut(@RestQuery("token") String inQuery, @RestForm("token") String inForm,
            @RestHeader("Accept") String accept) {
        return content.optOut(inForm == null || inForm.isBlank() ? inQuery : inForm, accept);
    }

    /** A POST with another body (or none) still opts out when the address carries the token. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({ MediaType.TEXT_HTML, Problem.MEDIA_TYPE })
    @Operation(hidden = true)
    public Response optOutWithoutForm(@RestQuery("token") String inQuery, @RestHeader("Accept") String accept) {
        return content.optOut(inQuery, accept);
    }
}
