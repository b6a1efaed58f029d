package clinic.booking.service;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.booking.domain.ProcedureCode;
import clinic.booking.domain.ProcedureType;
import clinic.web.Problem;
import clinic.web.ProblemException;

/** Looks up what the clinic offers. */
@ApplicationScoped
public class CatalogService {

    /** The procedure as the clinic offers it; a code it does not offer is the caller's mistake. */
    public ProcedureType offered(ProcedureCode code, String field) {
        ProcedureType procedure = code == null ? null : ProcedureType.findById(code);
        if (procedure == null) {
            throw new ProblemException(Problem.of(400, "invalid-request", "Invalid request",
                    field + ": the clinic does not offer " + code)
                    .withErrors(List.of(new Problem.FieldError(field, "not offered by this clinic"))));
        }
        return procedure;
    }
}
