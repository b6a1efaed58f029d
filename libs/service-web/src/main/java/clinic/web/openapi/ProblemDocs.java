package clinic.web.openapi;

/**
 * How an operation names the problem types of an error response in its OpenAPI annotation:
 * {@code @APIResponse(responseCode = "409", description = "...", extensions = @Extension(name =
 * ProblemDocs.TYPES, value = "slot-taken patient-schedule-busy"))}. {@link ApiDocumentFilter}
 * turns the kinds into the response's problem+json schema (its {@code type} enumerated) and
 * removes the extension.
 */
public final class ProblemDocs {

    /** The response extension holding the problem kinds (after urn:clinic:problem:), separated by spaces. */
    public static final String TYPES = "x-problem-types";

    private ProblemDocs() {
    }
}
