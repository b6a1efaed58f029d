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
import clinic.local.infra.KeycloakServer;
import clinic.local.infra.PostgresServer;
import clinic.local.infra.SmtpSinkProcess;
import clinic.local.stack.StackSettings.Identity;

/**
 * The whole clinic on one machine: a real PostgreSQL, a real Kafka broker, an SMTP sink readable
 * over IMAP, and the three services with the demo clinic; with {@link Identity#KEYCLOAK}, also a
 * Keycloak that signs users in. Any server can be replaced by a clinic's own through the
 * environment (see {@link ExternalServers}). A service that stops on its own is started again.
 * Stops everything, in reverse order, when closed or on Ctrl-C.
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
    private SmtpSinkProcess smtpSink;
    private KeycloakServer keycloak;

    private ClinicStack(StackSettings settings) {
        this.settings = settings;
    }

    /**
     * PostgreSQL, Kafka, the SMTP sink (and Keycloak) only, without supervision: for measuring the
     * services one by one ({@link MeasureStartup}).
     */
    static ClinicStack startServers(StackSettings settings) throws IOException {
        ClinicStack stack = new ClinicStack(settings);
        try {
            stack.startServers();
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
        return stack;
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
            smtpSink = SmtpSinkProcess.start(settings.dataDir().resolve("smtp"), settings.smtpPort(), settings.imapPort());
            running.push(smtpSink);
            smtpPort = settings.smtpPort();
        }
        if (settings.identity() == Identity.KEYCLOAK) {
            keycloak = KeycloakServer.start(settings.dataDir().resolve("keycloak"), settings.keycloakPort(), ClinicRealm.NAME,
                    ClinicRealm.json(settings.bookingUrl()));
            running.push(keycloak);
        }
    }

    private void startServices() throws IOException {
        awaitAllReady(List.of(startService(SCREENING), startService(CONTENT), startService(BOOKING)));
    }

    public static final String SCREENING = "screening-service";
    public static final String CONTENT = "content-service";
    public static final String BOOKING = "booking-service";

    /** Starts one of the three services on this stack's servers (the others it calls need not run yet). */
    ClinicService startService(String name) throws IOException {
        return startService(name, false);
    }

    /**
     * Starts one of the three services; with {@code recordAotCache} as the training run that writes its
     * ahead-of-time cache when it stops (JDK 25 or newer).
     */
    ClinicService startService(String name, boolean recordAotCache) throws IOException {
        return switch (name) {
            case SCREENING -> startService(name, settings.screeningPort(), settings.screeningManagementPort(), screeningConfig(),
                    recordAotCache);
            case CONTENT -> startService(name, settings.contentPort(), settings.contentManagementPort(), contentConfig(),
                    recordAotCache);
            case BOOKING -> startService(name, settings.bookingPort(), settings.bookingManagementPort(), bookingConfig(),
                    recordAotCache);
            default -> throw new IllegalArgumentException("no service " + name);
        };
    }

    private Map<String, String> screeningConfig() {
        Map<String, String> config = database("screening");
        config.putAll(identity(SCREENING, null));
        // every new intake or policy version is announced on Kafka, so booking screens again
        config.put("kafka.bootstrap.servers", kafkaBootstrap);
        // the patients' self-service intake page is served by screening; its links point there
        config.put("clinic.intake-links.public-url", "http://localhost:" + settings.screeningPort());
        return config;
    }

    private Map<String, String> contentConfig() {
        Map<String, String> config = database("content");
        config.putAll(identity(CONTENT, null));
        config.put("kafka.bootstrap.servers", kafkaBootstrap);
        config.put("quarkus.mailer.host", smtpHost);
        config.put("quarkus.mailer.port", Integer.toString(smtpPort));
        // links in e-mails go through booking, the clinic's public entry point
        config.put("clinic.public-url", settings.bookingUrl());
        return config;
    }

    private Map<String, String> bookingConfig() {
        Map<String, String> config = database("booking");
        config.putAll(identity(ClinicRealm.BOOKING_CLIENT_ID, ClinicRealm.BOOKING_CLIENT_SECRET));
        if (keycloak != null) {
            // /sign-in starts the code flow again (without a provider the local profile lets the resource answer it)
            config.put("%local.quarkus.http.auth.permission.sign-in.policy", "authenticated");
            config.put("%local.quarkus.http.auth.permission.sign-in.auth-mechanism", "code");
            // booking's own calls to screening: the client credentials grant instead of the demo account
            config.put("%local.quarkus.oidc-client.client-enabled", "true");
            config.put("%local.clinic.service-account.user", "");
        }
        config.put("kafka.bootstrap.servers", kafkaBootstrap);
        config.put("quarkus.rest-client.screening.url", "http://127.0.0.1:" + settings.screeningPort());
        config.put("quarkus.rest-client.content.url", "http://127.0.0.1:" + settings.contentPort());
        return config;
    }

    private ClinicService startService(String name, int port, int managementPort, Map<String, String> config,
            boolean recordAotCache) throws IOException {
        // content-service works after the commit: its e-mails yield the CPU to the requests
        ClinicService service = ClinicService.start(settings.home(), name, port, managementPort, config,
                settings.dataDir().resolve("logs"), recordAotCache, CONTENT.equals(name));
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
    public String jdbcUrl(String database) {
        return jdbcBase + "/" + database;
    }

    String kafkaBootstrapServers() {
        return kafkaBootstrap;
    }

    /** One of the services by name, e.g. {@code booking-service}. */
    /** The resident memory of one of the services' JVMs, in kilobytes (VmRSS), e.g. of {@code booking-service}. */
    public long residentKilobytes(String name) throws IOException {
        return ProcStatus.kilobytes(services.get(name).jvmPid()).getOrDefault("VmRSS", -1L);
    }

    /** The CPU time a service's JVM has used so far, in milliseconds. */
    public long cpuMillis(String name) throws IOException {
        return ProcStatus.cpuMillis(services.get(name).jvmPid());
    }

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

    /**
     * With Keycloak, a service's OIDC settings (the local profile has no identity provider otherwise;
     * the demo users' HTTP Basic keeps working for API clients either way).
     */
    private Map<String, String> identity(String clientId, String clientSecret) {
        Map<String, String> config = new LinkedHashMap<>();
        if (keycloak == null) {
            return config;
        }
        // the local profile switches the tenant off: its profile-specific key is the one to override
        config.put("%local.quarkus.oidc.tenant-enabled", "true");
        config.put("quarkus.oidc.tenant-enabled", "true");
        config.put("quarkus.oidc.auth-server-url", settings.keycloakRealmUrl());
        config.put("quarkus.oidc.client-id", clientId);
        if (clientSecret != null) {
            config.put("quarkus.oidc.credentials.secret", clientSecret);
        }
        return config;
    }

    private Map<String, String> database(String name) {
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl(name));
        config.put("quarkus.datasource.username", ExternalServers.postgresUser());
        config.put("quarkus.datasource.password", ExternalServers.postgresPassword());
        return config;
    }

    /** Waits until every service reports ready, whichever of them was stopped or killed meanwhile. */
    public void awaitServicesReady() throws IOException {
        awaitAllReady(List.copyOf(services.values()));
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
        StackSettings settings;
        try {
            settings = StackSettings.standard(home);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        System.out.println("Starting the clinic (PostgreSQL, Kafka, SMTP sink, " + (settings.identity() == Identity.KEYCLOAK
                ? "Keycloak, " : "") + "three services); data in " + settings.dataDir());
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
        System.out.println(Banner.text(settings, stack.smtpSink != null));
        Thread.currentThread().join();
    }
}
