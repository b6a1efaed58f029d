package clinic.web.openapi;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.eclipse.microprofile.openapi.OASFactory;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.Components;
import org.eclipse.microprofile.openapi.models.OpenAPI;
import org.eclipse.microprofile.openapi.models.Operation;
import org.eclipse.microprofile.openapi.models.PathItem;
import org.eclipse.microprofile.openapi.models.media.Content;
import org.eclipse.microprofile.openapi.models.parameters.Parameter;
import org.eclipse.microprofile.openapi.models.responses.APIResponse;
import org.eclipse.microprofile.openapi.models.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.models.security.SecurityScheme;

/**
 * Completes every service's OpenAPI document with what is true of all its operations, so each
 * resource annotates only what is its own: the two ways to sign in and, per operation, which one
 * with which roles (none for the public pages); the errors every operation shares and a problem
 * body for each error ({@link ErrorResponses}); strict request and complete response schemas
 * ({@link SchemaRules}); the service's own origin as its server.
 */
public class ApiDocumentFilter implements OASFilter {

    static final String BEARER = "bearer";
    static final String BASIC = "basic";

    /** Header parameters that OpenAPI describes elsewhere (media types, security) and tells tools to ignore. */
    private static final Set<String> IMPLIED_HEADERS = Set.of("accept", "content-type", "authorization");

    @Override
    public void filterOpenAPI(OpenAPI openAPI) {
        Components components = openAPI.getComponents() == null ? OASFactory.createComponents() : openAPI.getComponents();
        openAPI.setComponents(components);
        securitySchemes(components);
        ErrorResponses.addComponents(components);
        // every operation states its own security below; a document-wide default would only repeat or contradict it
        openAPI.setSecurity(null);
        if (openAPI.getServers() == null || openAPI.getServers().isEmpty()) {
            openAPI.addServer(OASFactory.createServer().url("/")
                    .description("The service's own origin (booking-service's is the clinic's address)"));
        }
        if (openAPI.getPaths() == null) {
            return;
        }
        for (PathItem path : openAPI.getPaths().getPathItems().values()) {
            for (Operation operation : path.getOperations().values()) {
                if (operation.getParameters() != null) {
                    List<Parameter> kept = operation.getParameters().stream()
                            .filter(p -> !(p.getIn() == Parameter.In.HEADER && p.getName() != null
                                    && IMPLIED_HEADERS.contains(p.getName().toLowerCase())))
                            .toList();
                    operation.setParameters(kept.isEmpty() ? null : new ArrayList<>(kept));
                }
                boolean secured = security(operation);
                ErrorResponses.complete(operation, secured, answersHtml(operation));
            }
        }
        Set<String> used = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation ->
                operation.getResponses().getAPIResponses().values().forEach(r -> used.add(r.getRef()))));
        ErrorResponses.dropUnused(components, used);
        dropUnusedSecuritySchemes(openAPI);
        SchemaRules.apply(openAPI);
    }

    /** Schemes Quarkus may add on its own (auto-add-security) that no operation names. */
    private static void dropUnusedSecuritySchemes(OpenAPI openAPI) {
        Set<String> named = new HashSet<>();
        openAPI.getPaths().getPathItems().values().forEach(path -> path.getOperations().values().forEach(operation ->
                operation.getSecurity().forEach(requirement -> named.addAll(requirement.getSchemes().keySet()))));
        for (String scheme : List.copyOf(openAPI.getComponents().getSecuritySchemes().keySet())) {
            if (!named.contains(scheme) && !BEARER.equals(scheme) && !BASIC.equals(scheme)) {
                openAPI.getComponents().removeSecurityScheme(scheme);
            }
        }
    }

    private static void securitySchemes(Components components) {
        if (components.getSecuritySchemes() == null || !components.getSecuritySchemes().containsKey(BEARER)) {
            components.addSecurityScheme(BEARER, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("bearer").bearerFormat("JWT").description("OIDC access token (production)"));
        }
        if (!components.getSecuritySchemes().containsKey(BASIC)) {
            components.addSecurityScheme(BASIC, OASFactory.createSecurityScheme().type(SecurityScheme.Type.HTTP)
                    .scheme("basic").description("Demo users, local stack and tests only"));
        }
    }

    /**
     * An operation that needs a role (Quarkus lists @RolesAllowed's roles in its security) accepts
     * a bearer token or HTTP Basic with one of them; one that needs none says so with an empty list.
     */
    private static boolean security(Operation operation) {
        List<String> roles = new ArrayList<>();
        boolean secured = operation.getSecurity() != null && !operation.getSecurity().isEmpty();
        if (secured) {
            operation.getSecurity().forEach(s -> s.getSchemes().values().forEach(scopes -> {
                if (scopes != null) {
                    scopes.stream().filter(r -> !roles.contains(r)).forEach(roles::add);
                }
            }));
            operation.setSecurity(new ArrayList<>(List.of(requirement(BEARER, roles), requirement(BASIC, roles))));
        } else {
            operation.setSecurity(new ArrayList<>());
        }
        return secured;
    }

    private static SecurityRequirement requirement(String scheme, List<String> roles) {
        return OASFactory.createSecurityRequirement().addScheme(scheme, new ArrayList<>(roles));
    }

    /** A page for people: its errors come as HTML to a browser too. */
    private static boolean answersHtml(Operation operation) {
        if (operation.getResponses() == null || operation.getResponses().getAPIResponses() == null) {
            return false;
        }
        for (var entry : operation.getResponses().getAPIResponses().entrySet()) {
            APIResponse response = entry.getValue();
            Content content = response.getContent();
            if (entry.getKey().startsWith("2") && content != null && content.getMediaType("text/html") != null) {
                return true;
            }
        }
        return false;
    }
}
