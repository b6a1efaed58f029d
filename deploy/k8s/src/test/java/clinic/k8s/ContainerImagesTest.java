package clinic.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.fabric8.kubernetes.api.model.apps.Deployment;

/**
 * Each service's Dockerfile builds what the Deployment expects: a non-root JVM image on its ports,
 * with the JVM options the local stack uses and a class data archive of its own.
 */
class ContainerImagesTest {

    @ParameterizedTest
    @ValueSource(strings = {"booking-service", "screening-service", "content-service"})
    void theImageRunsTheQuarkusAppAsANonRootUserOnTheDeploymentsPort(String service) throws IOException {
        Path dockerfile = Kustomize.K8S_DIR.resolve("../../" + service + "/src/main/docker/Dockerfile.jvm").normalize();
        String text = Files.readString(dockerfile);
        List<String> instructions = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertTrue(text.contains("registry.access.redhat.com/ubi9/openjdk-17-runtime:"), "UBI OpenJDK 17 runtime");
        assertTrue(instructions.stream().anyMatch(l -> l.startsWith("COPY target/quarkus-app/")), "copies the packaged application");
        String user = last(instructions, "USER");
        assertTrue(user.matches("[1-9][0-9]*"), "numeric non-root USER, was " + user);

        Deployment deployment = StrictModels.parse(Manifests.file("base/" + service + ".yaml")
                .get("Deployment", service), Deployment.class);
        var pod = deployment.getSpec().getTemplate().getSpec();
        assertEquals(Long.parseLong(user), pod.getSecurityContext().getRunAsUser(), "pod runs as the image's user");
        String javaOptions = instructions.stream().filter(l -> l.startsWith("ENV JAVA_OPTS_APPEND=")).findFirst()
                .orElseThrow(() -> new AssertionError("no JAVA_OPTS_APPEND"));
        for (String option : serviceJvmOptions()) {
            assertTrue(javaOptions.contains(" " + option + " ") || javaOptions.endsWith(" " + option + "\""),
                    "the image runs with the services' JVM option " + option + " (service-jvm.options)");
        }
        assertTrue(javaOptions.contains("-XX:SharedArchiveFile=/deployments/app-cds.jsa"), "starts with its class data archive");
        assertTrue(text.contains("-XX:ArchiveClassesAtExit=/deployments/app-cds.jsa"), "the image makes that archive itself");
        assertEquals(pod.getContainers().get(0).getPorts().stream().map(p -> p.getContainerPort()).toList(),
                instructions.stream().filter(l -> l.startsWith("EXPOSE ")).flatMap(l -> List.of(l.substring(7).trim()
                        .split("\\s+")).stream()).map(Integer::valueOf).toList(), "EXPOSE the main and the management port");
    }

    /** The JVM options the local stack runs the services with, which the images must use too. */
    private static List<String> serviceJvmOptions() throws IOException {
        return Files.readAllLines(Kustomize.K8S_DIR.resolve("../local/stack/src/main/resources/service-jvm.options")).stream()
                .map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
    }

    private static String last(List<String> instructions, String keyword) {
        String value = null;
        Pattern pattern = Pattern.compile("^" + keyword + "\\s+(\\S+)$");
        for (String line : instructions) {
            Matcher m = pattern.matcher(line);
            if (m.matches()) {
                value = m.group(1);
            }
        }
        assertTrue(value != null, "no " + keyword);
        return value;
    }
}
