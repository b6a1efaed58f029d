package clinic.local.stack.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

import clinic.local.infra.SmtpSinkMain;
import clinic.local.stack.ProcStatus;

/**
 * The CPU time of the processes besides the three services, by what they are: PostgreSQL (the
 * server and its backends), the Kafka broker, the SMTP sink that receives every e-mail, and this
 * benchmark's own JVM (the open-model load). What none of them used (wrk, the kernel's own threads,
 * anything else on the machine) is what remains of the machine's busy time.
 */
final class OtherProcesses {

    static final String POSTGRES = "PostgreSQL";
    static final String KAFKA = "Kafka broker";
    static final String SMTP_SINK = "SMTP sink";
    static final String THIS_JVM = "this benchmark's JVM";

    private OtherProcesses() {
    }

    /** CPU milliseconds used so far by each group; processes that ended are not counted, so read while they run. */
    static Map<String, Long> cpuMillis() throws IOException {
        Map<String, Long> used = new LinkedHashMap<>();
        used.put(POSTGRES, 0L);
        used.put(KAFKA, 0L);
        used.put(SMTP_SINK, 0L);
        used.put(THIS_JVM, ProcStatus.cpuMillis(ProcessHandle.current().pid()));
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : processes.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String group = groupOf(process);
                if (group != null) {
                    used.merge(group, cpu(process), Long::sum);
                }
            }
        }
        return used;
    }

    private static String groupOf(Path process) {
        try {
            if (Files.readString(process.resolve("comm")).strip().equals("postgres")) {
                return POSTGRES;
            }
            String commandLine = new String(Files.readAllBytes(process.resolve("cmdline")), StandardCharsets.UTF_8);
            if (commandLine.contains("clinic.local.kafka.KafkaBrokerMain")) {
                return KAFKA;
            }
            return commandLine.contains(SmtpSinkMain.class.getName()) ? SMTP_SINK : null;
        } catch (NoSuchFileException ended) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long cpu(Path process) {
        try {
            return ProcStatus.cpuMillis(Long.parseLong(process.getFileName().toString()));
        } catch (NoSuchFileException ended) {
            return 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
