package clinic.booking.service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import javax.sql.DataSource;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.TransactionSynchronizationRegistry;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.logging.Log;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.Startup;
import io.quarkus.scheduler.Scheduled;

import clinic.booking.config.ClinicConfig;
import clinic.booking.domain.AppointmentStatus;
import clinic.web.ProblemException;
import clinic.web.tx.AfterCommit;

/**
 * Screens again every appointment owed a re-screen (its decision predates the patient's newest
 * intake or the newest policy, or, on hold, a change a person made to the patient's other
 * appointments), from today on, soonest first, until none is left.
 *
 * <p>The debt itself is durable data, not a queue: it follows from the versions booking has
 * recorded, so nothing is lost when a service is down or killed; whatever is still owed is found
 * again on the next look. A patient whose duplicate record was just merged into it waits until
 * screening has merged the intakes too (see {@link PatientMerger}). Safe with several replicas: each look takes a lease on the rows it
 * screens ({@code FOR UPDATE SKIP LOCKED}); a lease left by a crashed worker expires. When screening
 * cannot answer, the appointment is tried again after a doubling back-off. Woken at once by whatever
 * raises a version (an event, an intake recorded here); every poll interval it counts what is owed
 * and looks when anything is.
 */
@ApplicationScoped
@Startup // created at start, so its backlog gauge is exposed before the first look
public class RescreenWorker {

    private static final String CLAIM = """
            UPDATE appointment SET rescreen_not_before = now() + make_interval(secs => ?)
             WHERE id IN (SELECT a.id FROM appointment a JOIN patient p ON p.id = a.patient_id CROSS JOIN screening_policy s
                           WHERE a.start_at >= ?
                             AND (?::uuid IS NULL OR a.patient_id = ?::uuid)
                             AND (a.rescreen_not_before IS NULL OR a.rescreen_not_before <= now())
                             AND appointment_rescreen_due(a.status, a.decision_intake_version, a.decision_policy_version,
                                                          a.decision_freed_version, p.intake_version, s.version,
                                                          p.freed_version)
                             AND NOT patient_awaits_screening_merge(a.patient_id)
                           ORDER BY a.start_at
                           LIMIT ?
                           FOR UPDATE OF a SKIP LOCKED)
            RETURNING id""";

    private static final String STANDING = """
            SELECT a.id, a.status, a.screening_outcome,
                   appointment_rescreen_due(a.status, a.decision_intake_version, a.decision_policy_version,
                                            a.decision_freed_version, p.intake_version, s.version, p.freed_version)
              FROM appointment a JOIN patient p ON p.id = a.patient_id CROSS JOIN screening_policy s
             WHERE a.patient_id = ? AND a.start_at >= ? AND a.status = ANY (?)
             ORDER BY a.start_at""";

    private static final String BACK_OFF = """
            UPDATE appointment SET rescreen_attempts = rescreen_attempts + 1,
                   rescreen_not_before = now() + make_interval(secs => least(power(2, rescreen_attempts), ?))
             WHERE id = ?""";

    private static final String BACKLOG = """
            SELECT count(*) FROM appointment a JOIN patient p ON p.id = a.patient_id CROSS JOIN screening_policy s
             WHERE a.start_at >= ?
               AND appointment_rescreen_due(a.status, a.decision_intake_version, a.decision_policy_version,
                                            a.decision_freed_version, p.intake_version, s.version, p.freed_version)""";

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    @Inject
    ClinicConfig config;

    @Inject
    Rescreening rescreening;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    AppointmentStore store;

    private final ExecutorService worker = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "rescreen-worker");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private final AtomicLong backlog = new AtomicLong();

    RescreenWorker(MeterRegistry registry, @ConfigProperty(name = "quarkus.application.name") String service) {
        Gauge.builder("clinic.rescreen.backlog", backlog, AtomicLong::get).tag("service", service)
                .description("Upcoming appointments owed a new screening decision").register(registry);
    }

    /**
     * Looks at the patient's appointments once the current transaction has committed (a change that
     * may let a held one pass); the poll finds the same debt when the service stops before that.
     */
    public void lookAfterCommit(UUID patientId) {
        AfterCommit.run(transactions, new LookAfterCommit(patientId), () -> worker.execute(() -> rescreenOwed(patientId)));
    }

    /** One look per patient and transaction, however many of its appointments changed. */
    private record LookAfterCommit(UUID patientId) {
    }

    /** Asks for a look soon, on the worker's own thread; several wakes before it runs make one look. */
    public void wake() {
        if (queued.compareAndSet(false, true)) {
            worker.execute(() -> {
                queued.set(false);
                rescreenOwed(null);
            });
        }
    }

    /**
     * The safety net behind the wakes: counts what is owed (the backlog gauge) and looks only when
     * something is, so an idle clinic scans its upcoming appointments once a poll rather than twice
     * (the count and the claim each read every upcoming appointment with its patient). Whatever the
     * claim could take, the count counts too; when the count fails, it looks anyway.
     */
    @Scheduled(every = "${clinic.rescreen.poll-interval:5s}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            delayed = "2s",
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void poll() {
        try (Connection connection = dataSource.getConnection(); PreparedStatement count = connection.prepareStatement(BACKLOG)) {
            count.setTimestamp(1, Timestamp.from(startOfToday()));
            try (ResultSet row = count.executeQuery()) {
                row.next();
                backlog.set(row.getLong(1));
            }
        } catch (SQLException | RuntimeException e) {
            Log.debugf("Re-screen backlog not counted: %s", e.getMessage());
            wake();
            return;
        }
        if (backlog.get() > 0) {
            wake();
        }
    }

    /**
     * Screens again what is owed, of one patient or (null) of everyone, and answers what was done.
     * An appointment screening could not answer for stays owed and is retried later.
     */
    public List<Rescreening.Rescreened> rescreenOwed(UUID patientId) {
        List<Rescreening.Rescreened> done = new ArrayList<>();
        try {
            List<UUID> taken;
            do {
                taken = claim(patientId);
                for (UUID appointment : taken) {
                    done.add(rescreenOrPostpone(appointment));
                }
            } while (!taken.isEmpty());
        } catch (RuntimeException e) {
            Log.warnf("Re-screening stopped, will look again: %s", e.getMessage());
        }
        return done;
    }

    /**
     * Screens again now, on the caller's thread, each upcoming appointment of the patient still owed a
     * decision, and answers where every upcoming screened appointment of the patient stands. A person
     * waits for this answer (a new intake), so it does not leave an appointment to a look of the worker
     * that has leased it, nor miss one such a look has already decided: Rescreening applies a decision
     * only to the version screened, so two looks never both apply theirs.
     */
    public List<Rescreening.Rescreened> rescreenNow(UUID patientId) {
        List<Rescreening.Rescreened> done = new ArrayList<>();
        for (Standing standing : standings(patientId)) {
            done.add(standing.owed() ? rescreenOrPostpone(standing.id())
                    : Rescreening.Rescreened.asItStands(standing.id(), standing.status(), standing.outcome()));
        }
        return done;
    }

    /** Screens the appointment again, or, when screening cannot answer, backs off and says it is still owed. */
    private Rescreening.Rescreened rescreenOrPostpone(UUID appointment) {
        try {
            return rescreening.rescreen(appointment);
        } catch (ProblemException | IllegalStateException e) {
            backOff(appointment);
            Log.warnf("Re-screen of appointment %s postponed: %s", appointment, e.getMessage());
            return new Rescreening.Rescreened(appointment, store.current(appointment).status, null, true);
        }
    }

    /** An upcoming screened appointment: its status, the outcome it rests on, and whether it is owed a new one. */
    private record Standing(UUID id, AppointmentStatus status, String outcome, boolean owed) {
    }

    private List<Standing> standings(UUID patientId) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement query = connection.prepareStatement(STANDING)) {
            query.setObject(1, patientId);
            query.setTimestamp(2, Timestamp.from(startOfToday()));
            query.setArray(3, connection.createArrayOf("text",
                    AppointmentStatus.SCREENED.stream().map(Enum::name).toArray()));
            List<Standing> standings = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    standings.add(new Standing(rows.getObject(1, UUID.class), AppointmentStatus.valueOf(rows.getString(2)),
                            rows.getString(3), rows.getBoolean(4)));
                }
            }
            return standings;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the patient's upcoming appointments", e);
        }
    }

    private List<UUID> claim(UUID patientId) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement claim = connection.prepareStatement(CLAIM)) {
                claim.setLong(1, config.rescreen().lease().toSeconds());
                claim.setTimestamp(2, Timestamp.from(startOfToday()));
                claim.setObject(3, patientId, Types.OTHER);
                claim.setObject(4, patientId, Types.OTHER);
                claim.setInt(5, config.rescreen().batchSize());
                List<UUID> ids = new ArrayList<>();
                try (ResultSet rows = claim.executeQuery()) {
                    while (rows.next()) {
                        ids.add(rows.getObject(1, UUID.class));
                    }
                }
                return ids;
            }
        });
    }

    private void backOff(UUID appointment) {
        QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection(); PreparedStatement backOff = connection.prepareStatement(BACK_OFF)) {
                backOff.setLong(1, config.rescreen().maxBackoff().toSeconds());
                backOff.setObject(2, appointment);
                backOff.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException("could not postpone a re-screen", e);
            }
        });
    }

    /** Re-screens concern appointments from the start of today in the clinic on: earlier ones are history. */
    private Instant startOfToday() {
        return LocalDate.ofInstant(clock.instant(), config.timeZone()).atStartOfDay(config.timeZone()).toInstant();
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
