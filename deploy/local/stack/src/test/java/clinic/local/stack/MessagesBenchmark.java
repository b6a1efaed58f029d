package clinic.local.stack;

import static io.restassured.RestAssured.given;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * How fast patients hear from the clinic, on the whole packaged clinic (three services, real
 * PostgreSQL, Kafka and SMTP sink) on free ports of this machine. Prints, asserting nothing:
 * <ul>
 * <li>the time from booking's answer to the confirmation being accepted by the SMTP server (as
 * content-service records it), at one booking a second and at 20 bookings a second
 * (p50/p95/p99/max);</li>
 * <li>how many messages a second go out of a backlog: 5,000 messages falling due at once, as
 * aftercare steps held back by quiet hours do at 08:00 (staged in content-service's database).</li>
 * </ul>
 * A benchmark, not a test: not part of {@code ./mvnw verify}. Run it with
 * {@code ./mvnw -B -pl deploy/local/stack -am verify -Dtest=MessagesBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class MessagesBenchmark {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Warsaw");
    private static final int WARM_UP = 200;
    private static final int SLOW = 30;
    private static final int FAST_RATE = 20;
    private static final int FAST = 20 * FAST_RATE;
    private static final int BACKLOG = 5000;

    private ClinicStack stack;

    @Test
    void confirmationLatencyAndBacklogDrain() throws Exception {
        Path home = Path.of(System.getProperty("clinic.home", "../../.."));
        try (ScratchDirectory data = ScratchDirectory.create("clinic-benchmark");
                ClinicStack started = ClinicStack.start(StackSettings.onFreePorts(home, data.path()))) {
            stack = started;
            System.out.printf("%nMessages benchmark, %s, load average at start: %s%n", Instant.now(), ProcStatus.loadAverage());
            List<Booking> bookings = prepare(WARM_UP + SLOW + FAST);
            System.out.printf("Prepared %d patients with intakes and free slots; load average: %s%n", bookings.size(), ProcStatus.loadAverage());

            run(bookings.subList(0, WARM_UP), 10);
            awaitConfirmations(bookings.subList(0, WARM_UP));
            report("warm-up, 10 bookings/s (not a result)", bookings.subList(0, WARM_UP));

            List<Booking> slow = bookings.subList(WARM_UP, WARM_UP + SLOW);
            run(slow, 1);
            awaitConfirmations(slow);
            report("1 booking/s", slow);

            List<Booking> fast = bookings.subList(WARM_UP + SLOW, bookings.size());
            run(fast, FAST_RATE);
            awaitConfirmations(fast);
            report(FAST_RATE + " bookings/s", fast);

            drainBacklog();
            System.out.printf("Load average at the end: %s%n%n", ProcStatus.loadAverage());
        }
    }

    /** One booking to make: its patient, slot, and when booking answered. */
    private static final class Booking {
        final String patientId;
        final String start;
        volatile String appointmentId;
        volatile long answeredAt;
        volatile int status;

        Booking(String patientId, String start) {
            this.patientId = patientId;
            this.start = start;
        }
    }

    private List<Booking> prepare(int count) throws Exception {
        List<String> slots = freeSlots(count);
        List<Booking> bookings = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        for (int i = 0; i < count; i++) {
            String start = slots.get(i);
            pool.submit(() -> {
                String patient = as("frontdesk").body(Map.of("firstName", "Bench", "lastName", "Mark " + start.substring(0, 16),
                        "email", "bench-" + UUID.randomUUID() + "@example.com", "dateOfBirth", "1990-01-01"))
                        .post("/api/patients").then().statusCode(201).extract().path("id");
                as("frontdesk").body(IntakeAnswers.clean()).put("/api/patients/" + patient + "/intake").then().statusCode(200);
                bookings.add(new Booking(patient, start));
            });
        }
        pool.shutdown();
        pool.awaitTermination(10, TimeUnit.MINUTES);
        List<Booking> ordered = new ArrayList<>(bookings);
        ordered.sort((a, b) -> a.start.compareTo(b.start));
        return ordered;
    }

    /** Consultation slots a year ahead, chosen so that no two share a practitioner's or a room's time. */
    private List<String> freeSlots(int count) {
        List<String> chosen = new ArrayList<>();
        Map<String, List<long[]>> busy = new HashMap<>();
        LocalDate from = LocalDate.now(CLINIC_ZONE).plusDays(400);
        while (chosen.size() < count) {
            List<Map<String, Object>> slots = as("frontdesk").queryParams("procedure", "CONSULTATION", "from", from.toString(),
                    "to", from.plusDays(60).toString()).get("/api/availability").then().statusCode(200).extract().jsonPath()
                    .getList("$");
            for (Map<String, Object> slot : slots) {
                long start = OffsetDateTime.parse((String) slot.get("start")).toEpochSecond();
                long end = start + Duration.ofMinutes(45).toSeconds();
                String practitioner = "p" + slot.get("practitionerId");
                String room = "r" + slot.get("roomId");
                if (free(busy, practitioner, start, end) && free(busy, room, start, end) && chosen.size() < count) {
                    busy.computeIfAbsent(practitioner, k -> new ArrayList<>()).add(new long[] { start, end });
                    busy.computeIfAbsent(room, k -> new ArrayList<>()).add(new long[] { start, end });
                    chosen.add((String) slot.get("start"));
                }
            }
            from = from.plusDays(61);
        }
        return chosen;
    }

    private static boolean free(Map<String, List<long[]>> busy, String key, long start, long end) {
        return busy.getOrDefault(key, List.of()).stream().noneMatch(b -> b[0] < end && start < b[1]);
    }

    /** Books at a fixed rate (open loop: a slow answer does not delay the next booking). */
    private void run(List<Booking> bookings, int perSecond) throws InterruptedException {
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        ExecutorService callers = Executors.newFixedThreadPool(32);
        AtomicInteger next = new AtomicInteger();
        long periodMicros = 1_000_000L / perSecond;
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= bookings.size()) {
                return;
            }
            Booking b = bookings.get(i);
            callers.submit(() -> {
                var response = as("frontdesk").body(Map.of("patientId", b.patientId, "procedure", "CONSULTATION", "start", b.start))
                        .post("/api/appointments");
                b.answeredAt = System.currentTimeMillis();
                b.status = response.statusCode();
                if (b.status == 201) {
                    b.appointmentId = response.path("id");
                }
            });
        }, 0, periodMicros, TimeUnit.MICROSECONDS);
        while (next.get() < bookings.size()) {
            Thread.sleep(20);
        }
        clock.shutdown();
        callers.shutdown();
        callers.awaitTermination(2, TimeUnit.MINUTES);
    }

    private void awaitConfirmations(List<Booking> bookings) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 120_000;
        while (System.currentTimeMillis() < deadline) {
            Map<String, Long> received = receivedConfirmations();
            if (bookings.stream().filter(b -> b.appointmentId != null).allMatch(b -> received.containsKey(b.appointmentId))) {
                return;
            }
            Thread.sleep(500);
        }
    }

    /**
     * appointment id -> when content-service recorded its confirmation as accepted by the SMTP server
     * (epoch ms): the sink runs in a JVM of its own, and content records each send as soon as the
     * server answers, as the backlog's figures below also count.
     */
    private Map<String, Long> receivedConfirmations() {
        String sent = ContentDatabase.value(stack, "SELECT string_agg(appointment_id || '=' || "
                + "(extract(epoch FROM sent_at) * 1000)::bigint, ',') FROM outbound_message WHERE kind = 'CONFIRMATION' "
                + "AND status = 'SENT'");
        Map<String, Long> received = new HashMap<>();
        if (sent != null) {
            for (String entry : sent.split(",")) {
                String[] idAndTime = entry.split("=");
                received.put(idAndTime[0], Long.parseLong(idAndTime[1]));
            }
        }
        return received;
    }

    private void report(String what, List<Booking> bookings) {
        Map<String, Long> received = receivedConfirmations();
        List<Long> latencies = new ArrayList<>();
        int refused = 0;
        int missing = 0;
        for (Booking b : bookings) {
            if (b.appointmentId == null) {
                refused++;
            } else if (!received.containsKey(b.appointmentId)) {
                missing++;
            } else {
                latencies.add(received.get(b.appointmentId) - b.answeredAt);
            }
        }
        Collections.sort(latencies);
        System.out.printf("Confirmation handed to SMTP after booking's answer, %s: %d bookings, p50 %d ms, p95 %d ms, "
                + "p99 %d ms, max %d ms (%d not booked, %d confirmations missing)%n", what, bookings.size(),
                percentile(latencies, 50), percentile(latencies, 95), percentile(latencies, 99),
                latencies.isEmpty() ? -1 : latencies.get(latencies.size() - 1), refused, missing);
    }

    private static long percentile(List<Long> sorted, int p) {
        if (sorted.isEmpty()) {
            return -1;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    /**
     * Stages {@code BACKLOG} rendered, non-essential messages of as many completed appointments, all
     * due a few seconds from now, then times how long the dispatcher takes to hand them all to SMTP.
     */
    private void drainBacklog() throws InterruptedException {
        String body = ContentDatabase.value(stack, "SELECT body_text FROM outbound_message WHERE kind = 'CONFIRMATION' LIMIT 1");
        String html = ContentDatabase.value(stack, "SELECT body_html FROM outbound_message WHERE kind = 'CONFIRMATION' LIMIT 1");
        Instant due = Instant.now().plusSeconds(15).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        ContentDatabase.update(stack, """
                WITH staged AS (
                    INSERT INTO appointment (appointment_id, patient_id, procedure, status, last_sequence, start_at, end_at,
                                             completed_at, updated_at)
                    SELECT gen_random_uuid(), gen_random_uuid(), 'MICRONEEDLING', 'COMPLETED', 1, now() - interval '1 day',
                           now() - interval '23 hours', now() - interval '23 hours', now()
                      FROM generate_series(1, %d)
                    RETURNING appointment_id, patient_id)
                INSERT INTO outbound_message (id, appointment_id, patient_id, kind, step, essential, recipient, subject,
                                              body_text, body_html, message_id, unsubscribe_url, due_at, deadline_at, status,
                                              attempts, next_attempt_at, created_at, updated_at)
                SELECT gen_random_uuid(), appointment_id, patient_id, 'AFTERCARE', 'AFTERCARE-24H', false,
                       'backlog-' || (abs(hashtext(appointment_id::text)) %% 200) || '@example.com',
                       'Microneedling aftercare: One day after your treatment', ?, ?,
                       '<appointment-' || appointment_id || '.aftercare-24h@clinic.local>',
                       'http://localhost/opt-out?token=benchmark', ?::timestamptz, ?::timestamptz + interval '1 day',
                       'PENDING', 0, ?::timestamptz, now(), now()
                  FROM staged""".formatted(BACKLOG), body, html, due.toString(), due.toString(), due.toString());
        long deadline = System.currentTimeMillis() + 600_000;
        String sent = "0";
        while (System.currentTimeMillis() < deadline) {
            sent = ContentDatabase.value(stack,
                    "SELECT count(*) FROM outbound_message WHERE status = 'SENT' AND recipient LIKE 'backlog-%'");
            if (Integer.parseInt(sent) >= BACKLOG) {
                break;
            }
            Thread.sleep(200);
        }
        long first = Long.parseLong(ContentDatabase.value(stack, "SELECT (extract(epoch FROM min(sent_at)) * 1000)::bigint "
                + "FROM outbound_message WHERE recipient LIKE 'backlog-%'"));
        long last = Long.parseLong(ContentDatabase.value(stack, "SELECT (extract(epoch FROM max(sent_at)) * 1000)::bigint "
                + "FROM outbound_message WHERE recipient LIKE 'backlog-%'"));
        double seconds = (last - due.toEpochMilli()) / 1000.0;
        double spread = (last - first) / 1000.0;
        System.out.printf("Backlog of %d messages due at once: %s sent; the last handed to SMTP %.1f s after they fell due: "
                + "%.0f messages/s (first to last: %.0f messages/s)%n", BACKLOG, sent, seconds, BACKLOG / seconds,
                BACKLOG / Math.max(spread, 0.001));
    }

    private RequestSpecification as(String user) {
        return given().baseUri(stack.settings().bookingUrl()).auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }
}
