package clinic.booking.service;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Tells the open screens that the calendar changed. The database announces every committed change
 * to an appointment, a time off, a closure (triggers, see V3) or a patient record (V12), whichever
 * replica or process made it; each replica listens on one connection of its own and passes the news
 * to its screens. After the connection was lost, a "resync" tells the screens to read again what
 * they may have missed.
 */
@ApplicationScoped
public class CalendarChanges {

    static final String CHANNEL = "calendar_changed";
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final DataSource dataSource;
    private final BroadcastProcessor<String> changes = BroadcastProcessor.create();
    private volatile boolean running;
    private Thread listener;

    CalendarChanges(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Each change as the JSON the database sent ({"table": ..., "id": ...}), or {"table":"resync"}. */
    public Multi<String> stream() {
        return changes;
    }

    void start(@Observes StartupEvent event) {
        running = true;
        listener = new Thread(this::listen, "calendar-changes");
        listener.setDaemon(true);
        listener.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (listener != null) {
            listener.interrupt();
        }
        changes.onComplete();
    }

    private void listen() {
        Duration backoff = Duration.ofSeconds(1);
        boolean reconnecting = false;
        while (running) {
            try (Connection connection = dataSource.getConnection()) {
                connection.setAutoCommit(true);
                try (Statement listen = connection.createStatement()) {
                    listen.execute("LISTEN " + CHANNEL);
                }
                PGConnection pg = connection.unwrap(PGConnection.class);
                if (reconnecting) {
                    changes.onNext("{\"table\":\"resync\"}");
                }
                backoff = Duration.ofSeconds(1);
                while (running) {
                    PGNotification[] received = pg.getNotifications(10_000);
                    if (received == null) {
                        // no news in ten seconds; a cheap query proves the connection is still alive
                        try (Statement ping = connection.createStatement()) {
                            ping.execute("SELECT 1");
                        }
                        continue;
                    }
                    for (PGNotification notification : received) {
                        changes.onNext(notification.getParameter());
                    }
                }
            } catch (SQLException | RuntimeException e) {
                if (!running) {
                    return;
                }
                Log.warnf("Calendar change listener lost its connection (%s); listening again in %s", e.toString(), backoff);
                reconnecting = true;
                try {
                    Thread.sleep(backoff.toMillis());
                } catch (InterruptedException interrupted) {
                    return;
                }
                backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
            }
        }
    }
}
