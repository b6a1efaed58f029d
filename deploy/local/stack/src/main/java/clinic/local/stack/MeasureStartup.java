package clinic.local.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Measures what the issue asks of each service from outside: the cold start (from launching the
 * packaged application's JVM until its readiness check answers UP) and the resident memory after a
 * short load. Runs real PostgreSQL, Kafka and the SMTP sink on free ports, starts the services one at
 * a time (each alone on the machine, then all three at once), loads each with the requests the front
 * desk and the other services make, and prints a table. Not a test: it asserts nothing. Run with
 * deploy/local/measure-startup.
 */
public final class MeasureStartup {

    private static final Duration LOAD = Duration.ofSeconds(Long.getLong("clinic.measure.load-seconds", 30));
    private static final Duration TRAINING_LOAD = Duration.ofSeconds(10);
    private static final int CLIENTS = 4;
    /** screening and content first: booking calls them during its load */
    private static final List<String> SERVICES = List.of(ClinicStack.SCREENING, ClinicStack.CONTENT, ClinicStack.BOOKING);
    private static final Pattern QUARKUS_STARTED = Pattern.compile("started in ([0-9.]+)s");
    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Warsaw");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final StackSettings settings;

    private MeasureStartup(StackSettings settings) {
        this.settings = settings;
    }

    /** One service's figures. */
    record Figures(String service, double coldStartSeconds, double quarkusSeconds, double cpuSecondsToStart, long rssAfterLoadKb,
            long peakRssKb, int requests, int failures) {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("clinic.home", ".")).toAbsolutePath().normalize();
        List<Figures> alone = new ArrayList<>();
        List<Figures> together = new ArrayList<>();
        try (ScratchDirectory data = ScratchDirectory.create("clinic-measure")) {
            measure(StackSettings.onFreePorts(home, data.path()), alone, together);
        }
        print("Each service alone (the others idle)", alone);
        print("All three started at once", together);
    }

    private static void measure(StackSettings settings, List<Figures> alone, List<Figures> together) throws Exception {
        System.out.println("Services run on JDK " + ServiceJvm.featureVersion() + " (" + ServiceJvm.JAVA_HOME + ") with: "
                + String.join(" ", ServiceJvm.OPTIONS) + (ServiceJvm.supportsAotCache() ? " -XX:AOTCache=app.aot"
                        : " -XX:SharedArchiveFile=app-cds.jsa (where the build made one)")
                + "; MALLOC_ARENA_MAX=" + ServiceJvm.MALLOC_ARENA_MAX);
        System.out.println("Starting PostgreSQL, Kafka and the SMTP sink on free ports...");
        if (ServiceJvm.supportsAotCache()) {
            train(settings);
        }
        try (ClinicStack servers = ClinicStack.startServers(settings)) {
            MeasureStartup measure = new MeasureStartup(settings);
            for (String name : SERVICES) {
                alone.add(measure.coldStart(servers, name));
            }
        }
        try (ClinicStack servers = ClinicStack.startServers(settings)) {
            together.addAll(new MeasureStartup(settings).allAtOnce(servers));
        }
    }

    /**
     * The training run that writes each service's ahead-of-time cache (JDK 25 or newer): the three
     * services started together in recording mode, each loaded with its mix of requests, then stopped,
     * when each JVM writes its cache. What the cache holds (classes loaded and linked, method profiles)
     * is what this run did, start-up included.
     */
    private static void train(StackSettings settings) throws IOException, InterruptedException {
        System.out.println("Training run: the services' ahead-of-time caches (" + TRAINING_LOAD.toSeconds()
                + " s of load each, then written as the services stop)...");
        Instant began = Instant.now();
        List<ClinicService> started = new ArrayList<>();
        try (ClinicStack servers = ClinicStack.startServers(settings)) {
            MeasureStartup measure = new MeasureStartup(settings);
            for (String name : SERVICES) {
                started.add(servers.startService(name, true));
            }
            for (ClinicService service : started) {
                service.awaitReady(Duration.ofMinutes(3));
            }
            for (ClinicService service : started) {
                measure.load(service, TRAINING_LOAD);
            }
        }
        for (String name : SERVICES) {
            Path cache = settings.home().resolve(name).resolve("target/quarkus-app").resolve(ServiceJvm.AOT_CACHE);
            if (!Files.isRegularFile(cache)) {
                throw new IllegalStateException("the training run wrote no " + cache + "; see the end of "
                        + settings.dataDir().resolve("logs").resolve(name + ".log"));
            }
            System.out.printf("  %s: %d MB%n", cache, Files.size(cache) / (1024 * 1024));
        }
        System.out.printf("  trained in %d s%n", Duration.between(began, Instant.now()).toSeconds());
    }

    private Figures coldStart(ClinicStack servers, String name) throws IOException, InterruptedException {
        Instant launched = Instant.now();
        ClinicService service = servers.startService(name);
        service.awaitReady(Duration.ofMinutes(3));
        double seconds = Duration.between(launched, Instant.now()).toMillis() / 1000.0;
        double cpu = cpuSeconds(service.jvmPid());
        System.out.printf("  %s ready after %.2f s alone (%.2f s of CPU); loading it for %d s...%n", name, seconds, cpu,
                LOAD.toSeconds());
        return loadAndRead(service, seconds, cpu);
    }

    private List<Figures> allAtOnce(ClinicStack servers) throws IOException, InterruptedException {
        Map<String, ClinicService> started = new LinkedHashMap<>();
        Map<String, Double> seconds = new LinkedHashMap<>();
        Map<String, Double> cpu = new LinkedHashMap<>();
        Instant launched = Instant.now();
        for (String name : SERVICES) {
            started.put(name, servers.startService(name));
        }
        for (var entry : started.entrySet()) {
            entry.getValue().awaitReady(Duration.ofMinutes(3));
            seconds.put(entry.getKey(), Duration.between(launched, Instant.now()).toMillis() / 1000.0);
            cpu.put(entry.getKey(), cpuSeconds(entry.getValue().jvmPid()));
        }
        System.out.println("  all three ready after " + seconds.values().stream().mapToDouble(Double::doubleValue).max().orElse(0)
                + " s; loading each for " + LOAD.toSeconds() + " s...");
        List<Figures> figures = new ArrayList<>();
        for (var entry : started.entrySet()) {
            figures.add(loadAndRead(entry.getValue(), seconds.get(entry.getKey()), cpu.get(entry.getKey())));
        }
        return figures;
    }

    /** Loads the service for {@link #LOAD} with {@link #CLIENTS} clients, then reads its memory from /proc. */
    private Figures loadAndRead(ClinicService service, double coldStart, double cpuToStart) throws IOException, InterruptedException {
        Load load = load(service, LOAD);
        long pid = service.jvmPid();
        Map<String, Long> status = ProcStatus.kilobytes(pid);
        return new Figures(service.name(), coldStart, quarkusStartSeconds(service), cpuToStart, status.getOrDefault("VmRSS", -1L),
                status.getOrDefault("VmHWM", -1L), load.sent(), load.failed());
    }

    /** How many requests a load sent, and how many of them failed (5xx or no answer). */
    private record Load(int sent, int failed) {
    }

    /** Sends the service its mix of requests ({@link #requestsFor}) from {@link #CLIENTS} clients for the given time. */
    private Load load(ClinicService service, Duration duration) throws InterruptedException {
        Supplier<HttpRequest> requests = requestsFor(service.name());
        AtomicInteger sent = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        Instant end = Instant.now().plus(duration);
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        for (int i = 0; i < CLIENTS; i++) {
            clients.submit(() -> {
                while (Instant.now().isBefore(end)) {
                    try {
                        HttpResponse<Void> response = http.send(requests.get(), HttpResponse.BodyHandlers.discarding());
                        if (response.statusCode() >= 500) {
                            failed.incrementAndGet();
                        }
                    } catch (IOException | InterruptedException e) {
                        failed.incrementAndGet();
                    }
                    sent.incrementAndGet();
                }
            });
        }
        clients.shutdown();
        clients.awaitTermination(duration.toSeconds() + 60, TimeUnit.SECONDS);
        return new Load(sent.get(), failed.get());
    }

    /** The mix each service sees in the clinic: the front desk's reads and writes, and booking's calls. */
    private Supplier<HttpRequest> requestsFor(String service) {
        AtomicInteger turn = new AtomicInteger();
        LocalDate from = LocalDate.now(CLINIC_ZONE).plusDays(7);
        return switch (service) {
            case ClinicStack.SCREENING -> () -> {
                String base = "http://127.0.0.1:" + settings.screeningPort();
                return switch (turn.getAndIncrement() % 3) {
                    case 0 -> json(base + "/api/screenings", "POST", "frontdesk", """
                            {"patientId":"%s","procedure":"CONSULTATION","start":"%sT10:00:00+01:00","otherAppointments":[]}"""
                            .formatted(UUID.randomUUID(), from));
                    case 1 -> json(base + "/api/intakes/" + UUID.randomUUID(), "PUT", "frontdesk", cleanIntake());
                    default -> get(base + "/api/policy", "admin");
                };
            };
            case ClinicStack.CONTENT -> () -> {
                String base = "http://127.0.0.1:" + settings.contentPort();
                return turn.getAndIncrement() % 2 == 0 ? get(base + "/api/aftercare/MICRONEEDLING", "frontdesk")
                        : get(base + "/api/messages?limit=100", "admin");
            };
            default -> () -> {
                String base = "http://127.0.0.1:" + settings.bookingPort();
                return switch (turn.getAndIncrement() % 4) {
                    case 0 -> get(base + "/api/availability?procedure=MICRONEEDLING&from=" + from + "&to=" + from.plusDays(30),
                            "frontdesk");
                    case 1 -> json(base + "/api/patients", "POST", "frontdesk", """
                            {"firstName":"Load","lastName":"Test %1$s","email":"load-%1$s@example.com","dateOfBirth":"1990-01-01"}"""
                            .formatted(UUID.randomUUID()));
                    case 2 -> get(base + "/api/catalog/procedures", "frontdesk");
                    default -> get(base + "/api/policy", "admin");
                };
            };
        };
    }

    private static String cleanIntake() {
        return """
                {"takingIsotretinoin":false,"isotretinoinLastDose":null,"bloodThinners":false,"keloidOrHypertrophicScarring":false,
                "activeInfectionOrInflammation":false,"activeAcne":false,"autoimmuneCondition":false,"completedOn":"%s"}"""
                .formatted(LocalDate.now(CLINIC_ZONE));
    }

    private static HttpRequest get(String url, String user) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user)).timeout(Duration.ofSeconds(10))
                .GET().build();
    }

    private static HttpRequest json(String url, String method, String user, String body) {
        return HttpRequest.newBuilder(URI.create(url)).header("Authorization", basic(user))
                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(10))
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + user).getBytes(StandardCharsets.UTF_8));
    }

    /** Quarkus's own "started in" figure from the service's log (its JVM's start not included), or -1. */
    private double quarkusStartSeconds(ClinicService service) throws IOException {
        Path log = settings.dataDir().resolve("logs").resolve(service.name() + ".log");
        double last = -1;
        for (String line : Files.readAllLines(log)) {
            Matcher m = QUARKUS_STARTED.matcher(line);
            if (m.find()) {
                last = Double.parseDouble(m.group(1));
            }
        }
        return last;
    }

    /**
     * The CPU time (user + system) the JVM has used so far, from /proc/&lt;pid&gt;/stat: what a start
     * costs however busy the machine is (the wall-clock time depends on what else runs).
     */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        // after the command: state is field 3, utime 14 and stime 15 (1-based), in clock ticks of 1/100 s
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }


    private static void print(String title, List<Figures> figures) {
        System.out.println();
        System.out.println(title + " (load: " + CLIENTS + " clients for " + LOAD.toSeconds() + " s; machine load average "
                + ProcStatus.loadAverage() + ")");
        System.out.printf("  %-18s %15s %13s %13s %16s %14s %10s%n", "service", "cold start (s)", "Quarkus (s)", "start CPU (s)",
                "RSS after load", "peak RSS", "requests");
        for (Figures f : figures) {
            System.out.printf("  %-18s %15.2f %13.2f %13.2f %13d MB %11d MB %10s%n", f.service(), f.coldStartSeconds(),
                    f.quarkusSeconds(), f.cpuSecondsToStart(), f.rssAfterLoadKb() / 1024, f.peakRssKb() / 1024,
                    f.requests() + (f.failures() > 0 ? " (" + f.failures() + " failed)" : ""));
        }
    }
}
