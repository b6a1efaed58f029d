package clinic.local.infra;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (one node, broker and controller), in its own JVM.
 *
 * <p>Its classpath is the one Maven resolved for clinic-local-kafka-broker, so the broker's
 * dependencies never mix with the services'. Storage is formatted on first use and kept after.
 */
public final class KafkaBroker implements AutoCloseable {

    private final int port;
    private final ServerProcess process;

    private KafkaBroker(int port, ServerProcess process) {
        this.port = port;
        this.process = process;
    }

    public static KafkaBroker start(Path home, int port, int controllerPort, int partitions) throws IOException {
        Files.createDirectories(home);
        Path properties = home.resolve("server.properties");
        Path logDirs = home.resolve("data");
        Files.writeString(properties, serverProperties(port, controllerPort, logDirs, partitions));
        String classpath = classpath();
        Path log = home.resolve("kafka.log");
        if (!Files.exists(logDirs.resolve("meta.properties"))) {
            format(classpath, properties, log);
        }
        ServerProcess process = ServerProcess.start("Kafka", AfterTheCommit.niced(List.of(java(), "-Xms128m", "-Xmx512m",
                "-XX:+UseSerialGC", "-cp", classpath, "clinic.local.kafka.KafkaBrokerMain", properties.toString())), log);
        try {
            process.awaitListening("127.0.0.1", port, Duration.ofSeconds(90));
        } catch (IOException e) {
            process.close();
            throw e;
        }
        return new KafkaBroker(port, process);
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    @Override
    public void close() {
        process.close();
    }

    private static String serverProperties(int port, int controllerPort, Path logDirs, int partitions) {
        return String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                "group.initial.rebalance.delay.ms=0",
                "num.partitions=" + partitions,
                "auto.create.topics.enable=true",
                "log.dirs=" + logDirs,
                "") ;
    }

    private static void format(String classpath, Path properties, Path log) throws IOException {
        Process storageTool = new ProcessBuilder(java(), "-cp", classpath, "kafka.tools.StorageTool", "format",
                "-t", clusterId(), "-c", properties.toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            if (!storageTool.waitFor(120, TimeUnit.SECONDS) || storageTool.exitValue() != 0) {
                storageTool.destroyForcibly();
                List<String> lines = Files.readAllLines(log);
                throw new IOException("formatting Kafka storage failed; " + log + " ends with:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while formatting Kafka storage", e);
        }
    }

    /**
     * A KRaft cluster id: 16 random bytes, URL-safe base64 without padding, as Kafka's own tool
     * makes. Never one starting with '-', which the storage tool would read as an option.
     */
    static String clusterId() {
        SecureRandom random = new SecureRandom();
        byte[] bytes = new byte[16];
        String id;
        do {
            random.nextBytes(bytes);
            id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (id.startsWith("-"));
        return id;
    }

    private static String classpath() throws IOException {
        return resource("clinic-kafka-broker-main.path") + java.io.File.pathSeparator + resource("clinic-kafka-broker.classpath");
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = KafkaBroker.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IOException(name + " is missing from the classpath: build deploy/local/kafka-broker first");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
