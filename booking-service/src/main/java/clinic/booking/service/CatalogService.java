package clinic.booking.service;

import java.util.List;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import clinic.booking.domain.ProcedureCode;
import clinic.booking.domain.ProcedureType;
import clinic.web.Problem;
import clinic.web.ProblemException;
import clinic.web.sql.PlainSql;

/** Looks up what the clinic offers. */
@ApplicationScoped
public class CatalogService {

    @Inject
    DataSource dataSource;

    /**
     * The procedure as the clinic offers it; a code it does not offer is the caller's mistake.
     * <p>
     * Read with plain SQL into a copy no session manages, because a booking asks before anything
     * else touches the database: through Hibernate this one-row read opened the request's session and
     * was a tenth of booking's CPU per booking (JFR). The callers only read it.
     */
    public ProcedureType offered(ProcedureCode code, String field) {
        ProcedureType procedure = code == null ? null : read(code);
        if (procedure == null) {
            throw new ProblemException(Problem.of(400, "invalid-request", "Invalid request",
                    field + ": the clinic does not offer " + code)
                    .withErrors(List.of(new Problem.FieldError(field, "not offered by this clinic"))));
        }
        return procedure;
    }

    private ProcedureType read(ProcedureCode code) {
        return PlainSql.first(dataSource,
                "SELECT name, duration_minutes, buffer_after_minutes, room_type FROM procedure_type WHERE code = ?", row -> {
                    ProcedureType procedure = new ProcedureType();
                    procedure.code = code;
                    procedure.name = row.getString(1);
                    procedure.durationMinutes = row.getInt(2);
                    procedure.bufferAfterMinutes = row.getInt(3);
                    procedure.roomType = row.getString(4);
                    return procedure;
                }, code.name()).orElse(null);
    }
}
