package clinic.local.stack.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import org.HdrHistogram.Recorder;

/**
 * Bookings at a constant arrival rate (an open model): a request leaves every 1/rate seconds
 * whether or not earlier ones were answered, and each latency counts from when its request was
 * due, so a slow answer cannot hide the requests queued behind it. Written here because the load
 * tools packaged for this machine (wrk, h2load) only run closed loops or rate their connections,
 * not their requests; HdrHistogram records the latencies.
 */
final class OpenLoad {

    /** What one run measured. */
    record Result(int sent, int confirmed, int other, double p50Millis, double p99Millis, double maxMillis) {
    }

    private final String baseUrl;
    private final String authorization;

    OpenLoad(String baseUrl, String authorization) {
        this.baseUrl = baseUrl;
        this.authorization = authorization;
    }

    Result run(List<String> requests, int perSecond, int seconds) throws InterruptedException {
        ExecutorService threads = Executors.newFixedThreadPool(4);
        try {
            return run(requests, perSecond, seconds, HttpClient.newBuilder().executor(threads).build());
        } finally {
            // its threads would otherwise keep the benchmark's JVM alive after the report
            threads.shutdownNow();
        }
    }

    private Result run(List<String> requests, int perSecond, int seconds, HttpClient client) throws InterruptedException {
        int total = Math.min(requests.size(), perSecond * seconds);
        Recorder latencies = new Recorder(3);
        AtomicInteger confirmed = new AtomicInteger();
        AtomicInteger other = new AtomicInteger();
        AtomicLong sent = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new CopyOnWriteArrayList<>();
        CountDownLatch allSent = new CountDownLatch(total);
        ScheduledExecutorService clock = Executors.newSingleThreadScheduledExecutor();
        long intervalNanos = TimeUnit.SECONDS.toNanos(1) / perSecond;
        long origin = System.nanoTime();
        clock.scheduleAtFixedRate(() -> {
            int index = (int) sent.getAndIncrement();
            if (index >= total) {
                return;
            }
            long due = origin + index * intervalNanos;
            HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/api/appointments"))
                    .timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("Authorization", authorization)
                    .POST(HttpRequest.BodyPublishers.ofString(requests.get(index))).build();
            inFlight.add(client.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                latencies.recordValue(Math.max(0, System.nanoTime() - due) / 1000);
                if (failure == null && response.statusCode() == 201) {
                    confirmed.incrementAndGet();
                } else if (other.getAndIncrement() == 0) {
                    // the first refusal, so a run that books nothing says why
                    System.out.println("  open model: first refusal " + (failure != null ? failure
                            : response.statusCode() + " " + response.body().substring(0, Math.min(300, response.body().length()))));
                }
            }));
            allSent.countDown();
        }, 0, intervalNanos, TimeUnit.NANOSECONDS);
        allSent.await();
        clock.shutdownNow();
        CompletableFuture.allOf(inFlight.toArray(CompletableFuture[]::new)).exceptionally(e -> null).join();
        var histogram = latencies.getIntervalHistogram();
        return new Result(total, confirmed.get(), other.get(), histogram.getValueAtPercentile(50) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
    }
}
