package clinic.local.stack;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import clinic.local.infra.ExternalServers;
import clinic.local.infra.KafkaBroker;
import clinic.local.infra.PostgresServer;
import clinic.local.infra.SmtpSink;

/**
 * The whole clinic on one machine: a real PostgreSQL, a real Kafka broker, an SMTP sink readable
 * over IMAP, and the three services with the demo clinic. Any server can be replaced by a
 * clinic's own through the environment (see {@link ExternalServers}). A service that stops on its
 * own is started again. Stops everything, in reverse order, when closed or on Ctrl-C.
 */
public final class ClinicStack implements AutoCloseable {

    private static final List<String> DATABASES = List.of("booking", "screening", "content");

    private final StackSettings settings;
    private final Deque<AutoCloseable> running = new ArrayDeque<>();
    private final Map<String, ClinicService> services = new LinkedHashMap<>();
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "clinic-watchdog");
        thread.setDaemon(true);
        return thread;
    });
    private KafkaBroker kafka;
    private String jdbcBase;
    private String kafkaBootstrap;
    private String smtpHost = "127.0.0.1";
    private int smtpPort;
    private SmtpSink smtpSink;

    private ClinicStack(StackSettings settings) {
        this.settings = settings;
    }

    public static ClinicStack start(StackSettings settings) throws IOException {
        ClinicStack stack = new ClinicStack(settings);
        try {
            stack.startServers();
            stack.startServices();
            stack.watchdog.scheduleWithFixedDelay(stack::restartStoppedServices, 1, 1, TimeUnit.SECONDS);
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    public StackSettings settings() {
        return settings;
    }

    /** The SMTP sink, when the stack runs its own (not a clinic's SMTP server). */
    public SmtpSink smtpSink() {
        return smtpSink;
    }

    private void startServers() throws IOException {
        var externalPostgres = ExternalServers.get(ExternalServers.POSTGRES_URL);
        if (externalPostgres.isPresent()) {
            jdbcBase = externalPostgres.get().replaceAll("/+$", "");
            PostgresServer.createDatabasesOn(jdbcBase + "/postgres", ExternalServers.postgresUser(),
                    ExternalServers.postgresPassword(), DATABASES.toArray(String[]::new));
        } else {
            PostgresServer postgres = PostgresServer.start(settings.dataDir().resolve("postgres"), settings.postgresPort(), true);
            running.push(postgres);
            postgres.createDatabases(DATABASES.toArray(String[]::new));
            jdbcBase = "jdbc:postgresql://127.0.0.1:" + settings.postgresPort();
        }
        var externalKafka = ExternalServers.get(ExternalServers.KAFKA_BOOTSTRAP_SERVERS);
        if (externalKafka.isPresent()) {
            kafkaBootstrap = externalKafka.get();
        } else {
            startKafka();
            running.push(() -> kafka.close());
            kafkaBootstrap = kafka.bootstrapServers();
        }
        var externalSmtp = ExternalServers.get(ExternalServers.SMTP_HOST);
        if (externalSmtp.isPresent()) {
            smtpHost = externalSmtp.get();
            smtpPort = Integer.parseInt(ExternalServers.get(ExternalServers.SMTP_PORT).orElse("25"));
        } else {
            smtpSink = SmtpSink.start(settings.smtpPort(), settings.imapPort());
            running.push(smtpSink);
            smtpPort = settings.smtpPort();
        }
    }

    private void startServices() throws IOException {
        Map<String, String> screeningConfig = database("screening");
        screeningConfig.put("kafka.bootstrap.servers", kafkaBootstrap);
        // the patients' self-service intake page is served by screening; its links point there
        screeningConfig.put("clinic.intake-links.public-url", "http://localhost:" + settings.screeningPort());
        ClinicService screening = startService("screening-service", settings.screeningPort(), screeningConfig);
        Map<String, String> content = database("content");
        content.put("kafka.bootstrap.servers", kafkaBootstrap);
        content.put("quarkus.mailer.host", smtpHost);
        content.put("quarkus.mailer.port", Integer.toString(smtpPort));
        // links in e-mails go through booking, the clinic's public entry point
        content.put("clinic.public-url", settings.bookingUrl());
        ClinicService contentService = startService("content-service", settings.contentPort(), content);
        Map<String, String> booking = database("booking");
        booking.put("kafka.bootstrap.servers", kafkaBootstrap);
        booking.put("quarkus.rest-client.screening.url", "http://127.0.0.1:" + settings.screeningPort());
        booking.put("quarkus.rest-client.content.url", "http://127.0.0.1:" + settings.contentPort());
        ClinicService bookingService = startService("booking-service", settings.bookingPort(), booking);
        awaitAllReady(List.of(screening, contentService, bookingService));
    }

    private ClinicService startService(String name, int port, Map<String, String> config) throws IOException {
        ClinicService service = ClinicService.start(settings.home(), name, port, config, settings.dataDir().resolve("logs"));
        running.push(service);
        services.put(name, service);
        return service;
    }

    private void restartStoppedServices() {
        for (ClinicService service : services.values()) {
            try {
                String happened = service.restartIfStopped();
                if (happened != null) {
                    System.out.println(happened);
                }
            } catch (IOException | RuntimeException e) {
                System.err.println(service.name() + " could not be started again: " + e.getMessage());
            }
        }
    }

    /** The JDBC URL of one of the services' databases, e.g. {@code booking}. */
    String jdbcUrl(String database) {
        return jdbcBase + "/" + database;
    }

    String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    /** One of the services by name, e.g. {@code booking-service}. */
    ClinicService service(String name) {
        return services.get(name);
    }

    /** Stops the stack's own Kafka broker, as an outage would; {@link #startKafka()} brings it back with its data. */
    void stopKafka() {
        if (kafka == null) {
            throw new IllegalStateException("this stack uses a clinic's own Kafka, which it does not control");
        }
        kafka.close();
    }

    void startKafka() throws IOException {
        kafka = KafkaBroker.start(settings.dataDir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort(), 3);
    }

    private Map<String, String> database(String name) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(name));
        config.put("quarkus.datasource.username", ExternalServers.postgresUser());
        config.put("quarkus.datasource.password", ExternalServers.postgresPassword());
        return config;
    }

    private static void awaitAllReady(List<ClinicService> services) throws IOException {
        try {
            CompletableFuture.allOf(services.stream().map(service -> CompletableFuture.runAsync(() -> {
                try {
                    service.awaitReady(Duration.ofMinutes(3));
                } catch (IOException e) {
                    throw new CompletionException(e);
                }
            })).toArray(CompletableFuture[]::new)).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
        }
    }

    @Override
    public synchronized void close() {
        watchdog.shutdownNow();
        while (!running.isEmpty()) {
            try {
                running.pop().close();
            } catch (Exception e) {
                System.err.println("while stopping: " + e);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("clinic.home", ".")).toAbsolutePath().normalize();
        StackSettings settings = StackSettings.standard(home);
        System.out.println("Starting the clinic (PostgreSQL, Kafka, SMTP sink, three services); data in " + settings.dataDir());
        ClinicStack stack;
        try {
            stack = start(settings);
        } catch (IOException e) {
            System.err.println("The clinic could not start: " + e.getMessage());
            System.exit(1);
            return;
        }
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("Stopping the clinic...");
            stack.close();
            System.out.println("Stopped.");
        }, "clinic-stop"));
        System.out.println(Banner.text(settings, stack.smtpSink() != null));
        Thread.currentThread().join();
    }
}
