package clinic.content.api;

import java.util.List;
import java.util.UUID;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.RestForm;

import clinic.content.links.LinkTokens;
import clinic.content.links.OptOutPages;
import clinic.content.service.OptOutService;
import clinic.web.Problem;
import clinic.web.ProblemResponses;

/**
 * The opt-out link of non-essential e-mails. No sign-in: the token in the link (purpose-bound,
 * expiring) is the credential. GET only shows a page with a button, so a mail scanner that
 * follows every link changes nothing; the button POSTs. A mail client's own unsubscribe button
 * (RFC 8058 List-Unsubscribe-Post) POSTs to the same address, token in the query. Browsers get
 * HTML pages, also for errors; other callers get problem+json.
 */
@Path("/opt-out")
@Tag(name = "Patient links", description = "Pages a patient opens from a link in an e-mail: no sign-in, the link's token is the only credential")
@PermitAll
public class OptOutResource {

    private final LinkTokens tokens;
    private final OptOutService optOuts;
    private final OptOutPages pages;

    public OptOutResource(LinkTokens tokens, OptOutService optOuts, OptOutPages pages) {
        this.tokens = tokens;
        this.optOuts = optOuts;
        this.pages = pages;
    }

    @GET
    @Produces({ MediaType.TEXT_HTML, Problem.MEDIA_TYPE })
    @Operation(summary = "The opt-out confirmation page (link from an e-mail; no sign-in; changes nothing)")
    @APIResponse(responseCode = "200", description = "The page with the opt-out button",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "No token in the link")
    @APIResponse(responseCode = "403", description = "Not a valid opt-out link")
    @APIResponse(responseCode = "410", description = "The link has expired")
    public Response page(@QueryParam("token") String token, @Context HttpHeaders headers) {
        Check check = check(token, headers);
        return check.refusal() != null ? check.refusal() : html(200, pages.confirm(token.trim()));
    }

    @POST
    @Consumes({ MediaType.APPLICATION_FORM_URLENCODED, MediaType.MULTIPART_FORM_DATA })
    @Produces({ MediaType.TEXT_HTML, Problem.MEDIA_TYPE })
    @Operation(summary = "Opt out of non-essential messages: the page's button, or a mail client's one-click POST (RFC 8058)")
    @APIResponse(responseCode = "200", description = "Opted out: the page that says so",
            content = @Content(mediaType = MediaType.TEXT_HTML, schema = @Schema(type = SchemaType.STRING)))
    @APIResponse(responseCode = "400", description = "No token in the link")
    @APIResponse(responseCode = "403", description = "Not a valid opt-out link")
    @APIResponse(responseCode = "410", description = "The link has expired")
    public Response optOut(@QueryParam("token") String inQuery, @RestForm("token") String inForm,
            @Context HttpHeaders headers) {
        return optOut(inForm == null || inForm.isBlank() ? inQuery : inForm, headers);
    }

    /** A POST with another body (or none) still opts out when the address carries the token. */
    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces({ MediaType.TEXT_HTML, Problem.MEDIA_TYPE })
    @Operation(hidden = true)
    public Response optOutWithoutForm(@QueryParam("token") String inQuery, @Context HttpHeaders headers) {
        return optOut(inQuery, headers);
    }

    private Response optOut(String token, HttpHeaders headers) {
        Check check = check(token, headers);
        if (check.refusal() != null) {
            return check.refusal();
        }
        optOuts.optOut(check.patientId(), OptOutService.BY_PATIENT_LINK);
        return html(200, pages.done());
    }

    /** The patient a token speaks for, or the answer that says what is wrong with the link. */
    private record Check(UUID patientId, Response refusal) {
    }

    private Check check(String token, HttpHeaders headers) {
        if (token == null || token.isBlank()) {
            return refused(headers, Problem.of(400, "invalid-request", "Link incomplete",
                    "token: is required. Use the link from your e-mail as it is.")
                    .withErrors(List.of(new Problem.FieldError("token", "is required"))));
        }
        LinkTokens.Verdict verdict = tokens.verify(LinkTokens.Purpose.OPT_OUT, token);
        if (verdict instanceof LinkTokens.Valid valid) {
            return new Check(valid.patientId(), null);
        }
        if (verdict instanceof LinkTokens.Expired) {
            return refused(headers, Problem.of(410, "expired-token", "This link has expired",
                    "Opt-out links work for a limited time. Use the link in a more recent e-mail from us.")
                    .withErrors(List.of(new Problem.FieldError("token", "has expired"))));
        }
        return refused(headers, Problem.of(403, "invalid-token", "Invalid link",
                "This link is not valid. Use the link from your e-mail as it is.")
                .withErrors(List.of(new Problem.FieldError("token", "is not a valid opt-out token"))));
    }

    private Check refused(HttpHeaders headers, Problem problem) {
        Response answer = wantsHtml(headers)
                ? html(problem.status(), pages.problem(problem.title(), problem.detail()))
                : ProblemResponses.of(problem, null);
        return new Check(null, answer);
    }

    /** A browser asks for HTML by name; API clients and mail clients' one-click POSTs do not. */
    private static boolean wantsHtml(HttpHeaders headers) {
        return headers.getAcceptableMediaTypes().stream()
                .anyMatch(type -> !type.isWildcardType() && type.isCompatible(MediaType.TEXT_HTML_TYPE));
    }

    private static Response html(int status, String page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
