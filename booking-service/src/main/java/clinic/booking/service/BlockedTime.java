package clinic.booking.service;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.DeskWording;
import clinic.web.Problem;
import clinic.web.ProblemException;
import clinic.web.sql.PlainSql;

/**
 * Time no booking or move may take: a day the clinic is closed, or the practitioner's time off.
 * Asked before a slot is looked for (to say why a start has none), and again after the
 * appointment's write: a closure or time off is added holding appointment writes back
 * ({@link AppointmentRepository#holdWrites()}), so one that did not see this appointment had
 * committed before its write went through, and is seen here. Either way the answer is a 422 that
 * says what is in the way.
 */
@ApplicationScoped
public class BlockedTime {

    /** The first closure over the time, else the practitioner's first time off over it; one statement, as on every booking. */
    private static final String FIRST_BLOCK = """
            SELECT 1, c.start_at, c.first_day, c.last_day, c.reason, NULL::timestamptz, NULL
              FROM clinic_closure c
             WHERE c.end_at > ? AND c.start_at < ?
            UNION ALL
            SELECT 2, t.start_at, NULL, NULL, t.reason, t.end_at, p.name
              FROM time_off t JOIN practitioner p ON p.id = t.practitioner_id
             WHERE t.practitioner_id = ? AND t.end_at > ? AND t.start_at < ?
             ORDER BY 1, 2 LIMIT 1""";

    @Inject
    DataSource dataSource;

    @Inject
    ClinicConfig config;

    /** Refuses (422) the time [start, end) when the clinic is closed then or the practitioner (null: any) is away. */
    public void refuseIfBlocked(UUID practitionerId, Instant start, Instant end) {
        PlainSql.first(dataSource, FIRST_BLOCK, row -> row.getInt(1) == 1
                ? closed(row.getObject(3, LocalDate.class), row.getObject(4, LocalDate.class), row.getString(5))
                : away(row.getString(7), row.getObject(2, OffsetDateTime.class).toInstant(),
                        row.getObject(6, OffsetDateTime.class).toInstant(), row.getString(5)),
                start, end, practitionerId, start, end)
                .ifPresent(refusal -> {
                    throw refusal;
                });
    }

    private static ProblemException closed(LocalDate firstDay, LocalDate lastDay, String reason) {
        return new ProblemException(Problem.of(422, "clinic-closed", "Clinic closed",
                "The clinic is closed on " + DeskWording.days(firstDay, lastDay) + " (" + reason + ").")
                .withErrors(List.of(new Problem.FieldError("start", "the clinic is closed on this day"))));
    }

    private ProblemException away(String practitioner, Instant from, Instant to, String reason) {
        return new ProblemException(Problem.of(422, "practitioner-away", "Practitioner away",
                practitioner + " is away " + DeskWording.period(from, to, config.timeZone())
                        + (reason == null || reason.isBlank() ? "." : " (" + reason.strip() + ")."))
                .withErrors(List.of(new Problem.FieldError("start", "the practitioner is away at this time"))));
    }
}
