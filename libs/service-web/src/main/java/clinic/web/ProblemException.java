package clinic.web;

/**
 * A domain error that answers with a problem body: thrown by services, mapped by
 * {@link ProblemExceptionMappers}. Subclass-free on purpose; the {@link Problem} says it all.
 */
public class ProblemException extends RuntimeException {

    private final transient Problem problem;
    private final Integer retryAfterSeconds;

    public ProblemException(Problem problem) {
        this(problem, null);
    }

    public ProblemException(Problem problem, Integer retryAfterSeconds) {
        super(problem.title() + (problem.detail() == null ? "" : ": " + problem.detail()));
        this.problem = problem;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public Problem problem() {
        return problem;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    public static ProblemException badRequest(String field, String message) {
        return new ProblemException(Problem.of(400, "invalid-request", "Invalid request", field + ": " + message)
                .withErrors(java.util.List.of(new Problem.FieldError(field, message))));
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(Problem.of(404, "not-found", what + " not found", what + " " + id + " does not exist"));
    }

    public static ProblemException conflict(String kind, String title, String detail) {
        return new ProblemException(Problem.of(409, kind, title, detail));
    }
}
