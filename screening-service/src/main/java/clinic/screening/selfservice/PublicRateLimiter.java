package clinic.screening.selfservice;

import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.screening.config.ClinicConfig;
import clinic.web.Problem;
import clinic.web.ProblemException;

/**
 * Keeps the pages that need no sign-in from being used to hammer the service or to try links in
 * bulk: a number of requests per client address per minute, and for all clients together. Counted
 * per replica, in memory: a limit against abuse, not an account of anyone's use.
 */
@ApplicationScoped
public class PublicRateLimiter {

    private static final long MINUTE = 60_000;
    private static final int FORGET_AFTER_CLIENTS = 10_000;

    private final Clock clock;
    private final int perClient;
    private final int allClients;
    private final Map<String, Window> clients = new ConcurrentHashMap<>();
    private volatile Window everyone = new Window(0);

    public PublicRateLimiter(Clock clock, ClinicConfig config) {
        this.clock = clock;
        this.perClient = config.publicPages().perClientPerMinute();
        this.allClients = config.publicPages().allClientsPerMinute();
    }

    /** Counts one request of this client, or refuses it with 429 and how many seconds to wait. */
    public void admit(String client) {
        long now = clock.millis();
        long minute = now / MINUTE;
        if (clients.size() > FORGET_AFTER_CLIENTS) {
            clients.values().removeIf(w -> w.minute < minute);
        }
        Window all = everyone;
        if (all.minute != minute) {
            all = new Window(minute);
            everyone = all;
        }
        Window mine = clients.compute(client == null ? "unknown" : client,
                (key, window) -> window == null || window.minute != minute ? new Window(minute) : window);
        if (mine.count.incrementAndGet() > perClient || all.count.incrementAndGet() > allClients) {
            int wait = (int) Math.max(1, ((minute + 1) * MINUTE - now + 999) / 1000);
            throw new ProblemException(Problem.of(429, "too-many-requests", "Too many requests",
                    "Please wait a minute and try again."), wait);
        }
    }

    private static final class Window {
        final long minute;
        final AtomicInteger count = new AtomicInteger();

        Window(long minute) {
            this.minute = minute;
        }
    }
}
