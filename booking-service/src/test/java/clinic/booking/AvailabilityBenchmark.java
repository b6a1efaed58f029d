package clinic.booking;

import static clinic.booking.support.Api.as;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.sql.DataSource;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import clinic.booking.support.Api;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Availability for 20 practitioners over 31 days on a warmed service: prints p50/p95/p99 of the
 * HTTP answer time. A benchmark, not a test: it asserts nothing about speed. Run it with
 * {@code ./mvnw -pl booking-service -am verify -Dtest=AvailabilityBenchmark -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@QuarkusTest
class AvailabilityBenchmark {

    private static final int PRACTITIONERS = 20;
    private static final int DAYS = 31;
    // enough warm-up for the JIT to finish compiling the request path, so compilation does not
    // compete with the measured requests for the machine's cores
    private static final int WARM_UP = 1500;
    private static final int MEASURED = 2000;

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "quarkus.http.test-port")
    int port;

    @Test
    void twentyPractitionersOverThirtyOneDays() throws Exception {
        LocalDate from = LocalDate.now(Api.CLINIC_ZONE).plusYears(5).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
        List<String> practitioners = new ArrayList<>();
        for (int p = 0; p < PRACTITIONERS; p++) {
            List<Map<String, Object>> hours = new ArrayList<>();
            for (int day = 1; day <= 5; day++) {
                hours.add(Map.of("dayOfWeek", day, "start", "08:00", "end", "18:00"));
                hours.add(Map.of("dayOfWeek", day, "start", "12:00", "end", "12:30", "kind", "BREAK"));
            }
            practitioners.add(as("admin").body(Map.of("name", "Bench " + p + " " + UUID.randomUUID(), "weeklyHours", hours))
                    .post("/api/catalog/practitioners").then().statusCode(201).extract().path("id"));
        }
        List<String> rooms = new ArrayList<>();
        for (int r = 0; r < PRACTITIONERS; r++) {
            rooms.add(as("admin").body(Map.of("name", "Bench room " + UUID.randomUUID(), "roomType", "TREATMENT_ROOM"))
                    .post("/api/catalog/rooms").then().statusCode(201).extract().path("id"));
        }
        int booked = seedFourAppointmentsPerPractitionerPerWorkingDay(practitioners, rooms, from);

        String url = "/api/availability?procedure=MICRONEEDLING&from=" + from + "&to=" + from.plusDays(DAYS - 1);
        int slots = as("frontdesk").get(url).then().statusCode(200).extract().jsonPath().getList("$").size();
        // a plain HTTP client for the warm-up and measured requests, so the figure is the service's, not the test library's
        HttpClient client = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + url))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("frontdesk:frontdesk".getBytes()))
                .build();
        int bytes = 0;
        for (int i = 0; i < WARM_UP; i++) {
            bytes = fetch(client, request).length;
        }
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < MEASURED; i++) {
            long start = System.nanoTime();
            fetch(client, request);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        System.out.printf("%nAVAILABILITY BENCHMARK: %d practitioners (+ demo ones), %d days, %d existing appointments, "
                + "%d slots (%d kB) per answer, %d requests after %d warm-up%n  p50 %.1f ms   p95 %.1f ms   p99 %.1f ms   max %.1f ms%n%n",
                PRACTITIONERS, DAYS, booked, slots, bytes / 1000, MEASURED, WARM_UP, ms(nanos, 0.50), ms(nanos, 0.95), ms(nanos, 0.99),
                nanos[MEASURED - 1] / 1e6);
    }

    private static byte[] fetch(HttpClient client, HttpRequest request) throws Exception {
        HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("availability answered " + response.statusCode());
        }
        return response.body();
    }

    /** Each practitioner in their own room, four one-hour appointments a day, straight into the table. */
    private int seedFourAppointmentsPerPractitionerPerWorkingDay(List<String> practitioners, List<String> rooms, LocalDate from)
            throws Exception {
        String patient = Api.newPatient();
        int count = 0;
        try (var connection = dataSource.getConnection();
                var insert = connection.prepareStatement("""
                        INSERT INTO appointment (id, patient_id, procedure_code, practitioner_id, room_id, start_at, end_at,
                            occupied_until, status, screening_decision_id, screening_outcome, created_at, updated_at)
                        VALUES (?, ?, 'MICRONEEDLING', ?, ?, ?, ?, ?, 'CONFIRMED', ?, 'CLEARED', now(), now())""")) {
            for (int d = 0; d < DAYS; d++) {
                LocalDate day = from.plusDays(d);
                if (day.getDayOfWeek().getValue() > 5) {
                    continue;
                }
                for (int p = 0; p < practitioners.size(); p++) {
                    for (int slot = 0; slot < 4; slot++) {
                        Instant start = ZonedDateTime.of(day, LocalTime.of(8 + slot * 2, 0), Api.CLINIC_ZONE).toInstant();
                        insert.setObject(1, UUID.randomUUID());
                        insert.setObject(2, UUID.fromString(patient));
                        insert.setObject(3, UUID.fromString(practitioners.get(p)));
                        insert.setObject(4, UUID.fromString(rooms.get(p)));
                        insert.setTimestamp(5, Timestamp.from(start));
                        insert.setTimestamp(6, Timestamp.from(start.plusSeconds(3600)));
                        insert.setTimestamp(7, Timestamp.from(start.plusSeconds(4500)));
                        insert.setObject(8, UUID.randomUUID());
                        insert.addBatch();
                        count++;
                    }
                }
            }
            insert.executeBatch();
        }
        return count;
    }

    private static double ms(long[] sorted, double quantile) {
        return sorted[(int) Math.ceil(quantile * sorted.length) - 1] / 1e6;
    }
}
