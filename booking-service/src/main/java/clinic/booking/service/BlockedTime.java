package clinic.booking.service;

import java.sql.ResultSet;
import java.sql.SQLException;
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
 * Time no booking or move may take: a day the clinic is closed, the practitioner's time off, or
 * (after the write) time outside the practitioner's working hours. Asked when no slot was found (to
 * say why a start has none), and again after the appointment's write: a closure, time off or change
 * of hours is made holding appointment writes back ({@link AppointmentRepository#holdWrites()}), so
 * one that did not see this appointment had committed before its write went through, and is seen
 * here. Either way the answer is a 422 that says what is in the way.
 */
@ApplicationScoped
public class BlockedTime {

    /** Closures over the time, and the practitioner's time off over it. */
    private static final String BLOCKS = """
            SELECT 1, c.start_at, c.first_day, c.last_day, c.reason, NULL::timestamptz, NULL
              FROM clinic_closure c
             WHERE c.end_at > ? AND c.start_at < ?
            UNION ALL
            SELECT 2, t.start_at, NULL, NULL, t.reason, t.end_at, p.name
              FROM time_off t JOIN practitioner p ON p.id = t.practitioner_id
             WHERE t.practitioner_id = ? AND t.end_at > ? AND t.start_at < ?
            """;

    /** The first closure over the time, else the practitioner's first time off over it. */
    private static final String FIRST_BLOCK = BLOCKS + " ORDER BY 1, 2 LIMIT 1";

    /** As FIRST_BLOCK, else the practitioner's name when the time is outside their hours (V11); one statement, as on every booking. */
    private static final String FIRST_BLOCK_OR_OUTSIDE_HOURS = BLOCKS + """
            UNION ALL
            SELECT 3, NULL, NULL, NULL, NULL, NULL, p.name
              FROM practitioner p
             WHERE p.id = ? AND NOT within_working_hours(p.id, ?, ?, ?)
             ORDER BY 1, 2 LIMIT 1""";

    @Inject
    DataSource dataSource;

    @Inject
    ClinicConfig config;

    /** Refuses (422) the time [start, end) when the clinic is closed then or the practitioner (null: any) is away. */
    public void refuseIfBlocked(UUID practitionerId, Instant start, Instant end) {
        PlainSql.first(dataSource, FIRST_BLOCK, this::refusal, start, end, practitionerId, start, end)
                .ifPresent(refusal -> {
                    throw refusal;
                });
    }

    /**
     * After an appointment's write, refuses (422) its time [start, end) as {@link #refuseIfBlocked} does,
     * and also when the practitioner's hours, changed since the slot was found, no longer cover it.
     */
    public void refuseIfBlockedAfterWrite(UUID practitionerId, Instant start, Instant end) {
        PlainSql.first(dataSource, FIRST_BLOCK_OR_OUTSIDE_HOURS, this::refusal, start, end, practitionerId, start, end,
                        practitionerId, start, end, config.timeZone().getId())
                .ifPresent(refusal -> {
                    throw refusal;
                });
    }

    /** The answer when no practitioner asked for works for the whole of the time. */
    public static ProblemException outsideWorkingHours(String detail) {
        return new ProblemException(Problem.of(422, "outside-working-hours", "Outside working hours", detail)
                .withErrors(List.of(new Problem.FieldError("start", "outside working hours"))));
    }

    private ProblemException refusal(ResultSet row) throws SQLException {
        return switch (row.getInt(1)) {
            case 1 -> closed(row.getObject(3, LocalDate.class), row.getObject(4, LocalDate.class), row.getString(5));
            case 2 -> away(row.getString(7), row.getObject(2, OffsetDateTime.class).toInstant(),
                    row.getObject(6, OffsetDateTime.class).toInstant(), row.getString(5));
            default -> outsideWorkingHours(row.getString(7) + "’s working hours were changed meanwhile and no longer cover this time.");
        };
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
