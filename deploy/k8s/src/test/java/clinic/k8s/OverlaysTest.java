package clinic.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HTTPGetAction;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.kafka.listener.GenericKafkaListener;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.nodepool.ProcessRoles;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.KafkaUserScramSha512ClientAuthentication;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/**
 * Renders every overlay with kustomize, parses every object strictly against the Kubernetes and
 * operator models, and checks the rules clinic IT relies on: probes, limits, hardening, config from
 * ConfigMaps and Secrets, who may talk to whom, durable topics, least-privilege users, one database
 * per service, backups, and (in prod) redundancy.
 */
class OverlaysTest {

    /** The overlays and the namespace each one deploys into. */
    enum Overlay {
        DEV("overlays/dev", "clinic-dev"),
        PROD("overlays/prod", "clinic");

        final String dir;
        final String namespace;

        Overlay(String dir, String namespace) {
            this.dir = dir;
            this.namespace = namespace;
        }

        Manifests render() {
            return Manifests.render(dir);
        }
    }

    static final Map<String, Integer> PORTS = Map.of(
            "booking-service", 8080, "screening-service", 8081, "content-service", 8082);
    /** Quarkus's management interface (health, metrics, OpenAPI): probes and Prometheus only. */
    static final Map<String, Integer> MANAGEMENT_PORTS = Map.of(
            "booking-service", 9080, "screening-service", 9081, "content-service", 9082);
    static final Map<String, String> DATABASE = Map.of(
            "booking-service", "booking", "screening-service", "screening", "content-service", "content");
    static final String KAFKA = "clinic-kafka";
    static final String POSTGRES = "clinic-db";
    static final String TOPIC = "clinic.appointments.v1";
    static final String DLQ = "clinic.appointments.v1.dlq";
    static final String SCREENING_TOPIC = "clinic.screening.v1";
    static final String SCREENING_DLQ = "clinic.screening.v1.dlq";
    static final String PATIENTS_TOPIC = "clinic.patients.v1";
    static final String PATIENTS_SCREENING_DLQ = "clinic.patients.v1.screening.dlq";
    static final String PATIENTS_CONTENT_DLQ = "clinic.patients.v1.content.dlq";

    // --- every object, strictly -------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyObjectMatchesItsKubernetesOrOperatorModel(Overlay overlay) {
        Manifests manifests = overlay.render();
        Set<String> kinds = new TreeSet<>();
        for (JsonNode object : manifests.objects()) {
            kinds.add(object.path("kind").asText());
            if (CrdSchemas.knows(object)) {
                StrictModels.parseMetadata(object);
                assertEquals(List.of(), CrdSchemas.violations(object),
                        StrictModels.typeKey(object) + " " + Manifests.name(object));
            } else {
                assertNotNull(StrictModels.parse(object));
            }
        }
        assertTrue(kinds.containsAll(Set.of("ConfigMap", "Deployment", "Service", "Ingress", "NetworkPolicy",
                "Kafka", "KafkaNodePool", "KafkaTopic", "KafkaUser", "Cluster", "Database")), "kinds: " + kinds);
        assertFalse(kinds.contains("Secret"), "secrets are never part of an overlay (see secrets/)");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everyObjectLandsInTheOverlaysNamespace(Overlay overlay) {
        for (JsonNode object : overlay.render().objects()) {
            assertEquals(overlay.namespace, object.path("metadata").path("namespace").asText(),
                    object.path("kind").asText() + " " + Manifests.name(object));
        }
    }

    // --- the three services ------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void theServicesAreHardenedAndProbed(Overlay overlay) {
        List<Deployment> deployments = overlay.render().typed("Deployment", Deployment.class);
        assertEquals(PORTS.keySet(), deployments.stream().map(d -> d.getMetadata().getName())
                .collect(Collectors.toSet()));
        for (Deployment deployment : deployments) {
            String name = deployment.getMetadata().getName();
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            assertEquals(Boolean.TRUE, pod.getSecurityContext().getRunAsNonRoot(), name);
            assertEquals("RuntimeDefault", pod.getSecurityContext().getSeccompProfile().getType(), name);
            assertEquals(Boolean.FALSE, pod.getAutomountServiceAccountToken(), name + " needs no API token");
            assertEquals(1, pod.getContainers().size(), name);
            Container container = pod.getContainers().get(0);

            assertProbe(name, container.getStartupProbe(), "/q/health/started", container);
            assertProbe(name, container.getLivenessProbe(), "/q/health/live", container);
            assertProbe(name, container.getReadinessProbe(), "/q/health/ready", container);
            assertEquals(PORTS.get(name), container.getPorts().get(0).getContainerPort(), name);
            assertEquals("http", container.getPorts().get(0).getName(), name);

            for (String resource : List.of("cpu", "memory")) {
                Quantity request = container.getResources().getRequests().get(resource);
                Quantity limit = container.getResources().getLimits().get(resource);
                assertNotNull(request, name + " requests " + resource);
                assertNotNull(limit, name + " limits " + resource);
                assertTrue(request.getNumericalAmount().compareTo(limit.getNumericalAmount()) <= 0,
                        name + " " + resource + " request above limit");
            }

            SecurityContext security = container.getSecurityContext();
            assertEquals(Boolean.FALSE, security.getAllowPrivilegeEscalation(), name);
            assertEquals(Boolean.TRUE, security.getReadOnlyRootFilesystem(), name);
            assertEquals(Boolean.TRUE, security.getRunAsNonRoot(), name);
            assertEquals(List.of("ALL"), security.getCapabilities().getDrop(), name);
            assertTrue(security.getCapabilities().getAdd() == null || security.getCapabilities().getAdd().isEmpty(),
                    name);
            assertTrue(security.getPrivileged() == null || !security.getPrivileged(), name);

            String tmpVolume = container.getVolumeMounts().stream().filter(m -> "/tmp".equals(m.getMountPath()))
                    .findFirst().orElseThrow(() -> new AssertionError(name + " has no writable /tmp")).getName();
            Volume tmp = pod.getVolumes().stream().filter(v -> v.getName().equals(tmpVolume)).findFirst().orElseThrow();
            assertNotNull(tmp.getEmptyDir(), name + " /tmp is an emptyDir");

            String image = container.getImage();
            assertTrue(image.matches("[a-z0-9.-]+(:[0-9]+)?/.+/" + name + ":[\\w.-]+"),
                    name + " image must name a registry and a tag: " + image);
            assertFalse(image.endsWith(":latest"), name + " image must be pinned: " + image);
        }
    }

    private static void assertProbe(String name, Probe probe, String path, Container container) {
        assertNotNull(probe, name + " probe " + path);
        HTTPGetAction get = probe.getHttpGet();
        assertNotNull(get, name + " probe " + path + " is HTTP");
        assertEquals(path, get.getPath(), name);
        String port = get.getPort().getStrVal() != null ? get.getPort().getStrVal() : String.valueOf(get.getPort()
                .getIntVal());
        int number = container.getPorts().stream().filter(p -> port.equals(p.getName())
                || port.equals(String.valueOf(p.getContainerPort()))).mapToInt(p -> p.getContainerPort()).findFirst()
                .orElseThrow(() -> new AssertionError(name + " probe port " + port + " is not a container port"));
        assertEquals(MANAGEMENT_PORTS.get(name), number, name + " probes " + path + " on the management port");
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void configurationComesFromConfigMapsAndSecretsOnly(Overlay overlay) {
        Manifests manifests = overlay.render();
        Set<String> configMaps = manifests.ofKind("ConfigMap").stream().map(Manifests::name).collect(Collectors.toSet());
        for (Deployment deployment : manifests.typed("Deployment", Deployment.class)) {
            Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
            for (EnvFromSource from : container.getEnvFrom()) {
                assertNotNull(from.getConfigMapRef(), deployment.getMetadata().getName() + " envFrom is a ConfigMap");
                assertTrue(configMaps.contains(from.getConfigMapRef().getName()), from.getConfigMapRef().getName());
            }
            for (EnvVar env : container.getEnv()) {
                assertTrue(env.getValue() == null, env.getName() + " must come from a ConfigMap or Secret");
                assertNotNull(env.getValueFrom().getSecretKeyRef(), env.getName() + " comes from a Secret");
            }
        }
        for (ConfigMap configMap : manifests.typed("ConfigMap", ConfigMap.class)) {
            for (String key : configMap.getData().keySet()) {
                assertFalse(key.matches(".*(PASSWORD|SECRET|JAAS).*"), key + " belongs in a Secret");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachServiceGetsTheSettingsItsCodeReads(Overlay overlay) {
        Manifests manifests = overlay.render();
        Set<String> common = Set.of("QUARKUS_PROFILE", "CLINIC_TIME_ZONE", "QUARKUS_OIDC_AUTH_SERVER_URL",
                "QUARKUS_OIDC_CLIENT_ID", "QUARKUS_OIDC_CREDENTIALS_SECRET", "QUARKUS_DATASOURCE_JDBC_URL",
                "QUARKUS_DATASOURCE_USERNAME", "QUARKUS_DATASOURCE_PASSWORD");
        Set<String> kafka = Set.of("KAFKA_BOOTSTRAP_SERVERS", "KAFKA_SECURITY_PROTOCOL", "KAFKA_SASL_MECHANISM",
                "KAFKA_SASL_JAAS_CONFIG");
        Map<String, String> booking = environment(manifests, "booking-service");
        assertTrue(booking.keySet().containsAll(union(common, kafka, Set.of("QUARKUS_REST_CLIENT_SCREENING_URL",
                "QUARKUS_REST_CLIENT_CONTENT_URL"))), booking.keySet().toString());
        assertEquals("http://screening-service:8081", booking.get("QUARKUS_REST_CLIENT_SCREENING_URL"));
        assertEquals("http://content-service:8082", booking.get("QUARKUS_REST_CLIENT_CONTENT_URL"));

        Map<String, String> screening = environment(manifests, "screening-service");
        assertTrue(screening.keySet().containsAll(union(common, kafka, Set.of("CLINIC_NAME", "CLINIC_PHONE"))),
                screening.keySet().toString());

        Map<String, String> content = environment(manifests, "content-service");
        assertTrue(content.keySet().containsAll(union(common, kafka, Set.of("QUARKUS_MAILER_HOST",
                "QUARKUS_MAILER_PORT", "QUARKUS_MAILER_USERNAME", "QUARKUS_MAILER_PASSWORD", "CLINIC_SENDER_ADDRESS",
                "QUARKUS_MAILER_TLS", "CLINIC_NAME", "CLINIC_ADDRESS", "CLINIC_PHONE", "CLINIC_PUBLIC_URL",
                "CLINIC_LINK_SECRET"))), content.keySet().toString());

        for (String service : PORTS.keySet()) {
            Map<String, String> env = environment(manifests, service);
            assertTrue(env.get("QUARKUS_DATASOURCE_JDBC_URL").startsWith(
                    "jdbc:postgresql://" + POSTGRES + "-rw:5432/" + DATABASE.get(service) + "?"), service);
            assertEquals("prod", env.get("QUARKUS_PROFILE"), service);
            assertEquals(service, env.get("QUARKUS_OIDC_CLIENT_ID"), service);
            if (env.containsKey("KAFKA_BOOTSTRAP_SERVERS")) {
                assertEquals(KAFKA + "-kafka-bootstrap:9093", env.get("KAFKA_BOOTSTRAP_SERVERS"), service);
                assertEquals("SASL_SSL", env.get("KAFKA_SECURITY_PROTOCOL"), service);
                assertEquals("SCRAM-SHA-512", env.get("KAFKA_SASL_MECHANISM"), service);
            }
        }
    }

    /** Every variable the container sees: ConfigMap keys with their values, Secret-backed ones as "secret:name/key". */
    private static Map<String, String> environment(Manifests manifests, String service) {
        Container container = manifests.typed("Deployment", service, Deployment.class).getSpec().getTemplate()
                .getSpec().getContainers().get(0);
        Map<String, String> env = new TreeMap<>();
        for (EnvFromSource from : container.getEnvFrom()) {
            env.putAll(manifests.typed("ConfigMap", from.getConfigMapRef().getName(), ConfigMap.class).getData());
        }
        for (EnvVar var : container.getEnv()) {
            env.put(var.getName(), "secret:" + var.getValueFrom().getSecretKeyRef().getName() + "/"
                    + var.getValueFrom().getSecretKeyRef().getKey());
        }
        return env;
    }

    @SafeVarargs
    private static Set<String> union(Set<String>... sets) {
        Set<String> all = new HashSet<>();
        for (Set<String> set : sets) {
            all.addAll(set);
        }
        return all;
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachServiceIsReachableByItsServiceName(Overlay overlay) {
        Manifests manifests = overlay.render();
        for (String name : PORTS.keySet()) {
            Deployment deployment = manifests.typed("Deployment", name, Deployment.class);
            Service service = manifests.typed("Service", name, Service.class);
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
            assertTrue(service.getSpec().getSelector().entrySet().stream()
                    .allMatch(e -> e.getValue().equals(podLabels.get(e.getKey()))), name + " selector");
            assertTrue(NetworkReach.matches(deployment.getSpec().getSelector(), podLabels), name);
            ServicePort port = service.getSpec().getPorts().get(0);
            assertEquals(PORTS.get(name), port.getPort(), name);
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachPodGetsTimeToFinishWhatItIsDoingBeforeItIsKilled(Overlay overlay) throws java.io.IOException {
        for (Deployment deployment : overlay.render().typed("Deployment", Deployment.class)) {
            String name = deployment.getMetadata().getName();
            java.util.Properties config = new java.util.Properties();
            try (var in = java.nio.file.Files.newInputStream(Kustomize.K8S_DIR.resolve("../../" + name
                    + "/src/main/resources/application.properties"))) {
                config.load(in);
            }
            assertEquals("true", config.getProperty("quarkus.shutdown.delay-enabled"), name);
            long delay = java.time.Duration.parse("PT" + config.getProperty("quarkus.shutdown.delay").toUpperCase()).toSeconds();
            long timeout = java.time.Duration.parse("PT" + config.getProperty("quarkus.shutdown.timeout").toUpperCase()).toSeconds();
            assertTrue(delay > 0 && timeout > 0, name + " waits for in-flight requests");
            long grace = deployment.getSpec().getTemplate().getSpec().getTerminationGracePeriodSeconds();
            assertTrue(grace > delay + timeout, name + ": terminationGracePeriodSeconds " + grace + " must exceed the shutdown delay "
                    + delay + " s plus timeout " + timeout + " s, or Kubernetes kills requests still running");
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void managementPortsAreInNoServiceAndOnlyMainPortsAreRouted(Overlay overlay) {
        Manifests manifests = overlay.render();
        Set<Integer> management = new HashSet<>(MANAGEMENT_PORTS.values());
        for (Service service : manifests.typed("Service", Service.class)) {
            for (ServicePort port : service.getSpec().getPorts()) {
                String target = port.getTargetPort() == null ? String.valueOf(port.getPort())
                        : port.getTargetPort().getStrVal() != null ? port.getTargetPort().getStrVal()
                                : String.valueOf(port.getTargetPort().getIntVal());
                assertFalse(target.equals("management") || management.contains(port.getPort())
                        || management.stream().anyMatch(m -> String.valueOf(m).equals(target)),
                        "Service " + service.getMetadata().getName() + " exposes a management port: " + port);
            }
        }
        for (Ingress ingress : manifests.typed("Ingress", Ingress.class)) {
            for (HTTPIngressPath path : ingress.getSpec().getRules().stream().map(IngressRule::getHttp)
                    .flatMap(h -> h.getPaths().stream()).toList()) {
                String backend = path.getBackend().getService().getName();
                var port = path.getBackend().getService().getPort();
                ServicePort routed = manifests.typed("Service", backend, Service.class).getSpec().getPorts().stream()
                        .filter(p -> p.getName().equals(port.getName()) || p.getPort().equals(port.getNumber()))
                        .findFirst().orElseThrow(() -> new AssertionError("the Ingress routes to no port of " + backend));
                assertEquals(PORTS.get(backend), routed.getPort(), "the Ingress routes " + backend + "'s main port only");
                assertEquals("http", routed.getTargetPort().getStrVal(), "and that port is the container's http port");
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void onlyBookingAndThePatientsIntakePagesAreExposedThroughAnIngress(Overlay overlay) {
        List<Ingress> ingresses = overlay.render().typed("Ingress", Ingress.class);
        assertEquals(1, ingresses.size());
        Ingress ingress = ingresses.get(0);
        assertTrue(ingress.getSpec().getDefaultBackend() == null, "no default backend");
        assertFalse(ingress.getSpec().getTls().isEmpty(), "the front desk is served over TLS");
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().stream().map(IngressRule::getHttp)
                .flatMap(h -> h.getPaths().stream()).toList();
        assertFalse(paths.isEmpty());
        for (HTTPIngressPath path : paths) {
            boolean intakePage = path.getPath().equals("/intake") || path.getPath().equals("/public/intake");
            assertEquals(intakePage ? "screening-service" : "booking-service", path.getBackend().getService().getName(), path.getPath());
        }
        assertTrue(paths.stream().anyMatch(p -> p.getPath().equals("/intake")), "patients reach their intake page");
    }

    // --- who may talk to whom ----------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void networkPoliciesAllowOnlyTheIntendedConversations(Overlay overlay) {
        Manifests manifests = overlay.render();
        NetworkReach reach = new NetworkReach(overlay.namespace, manifests.typed("NetworkPolicy", NetworkPolicy.class));
        Map<String, NetworkReach.Endpoint> at = endpoints(manifests, overlay.namespace);

        record Case(String from, String to, int port, String protocol, boolean allowed) {
        }
        List<Case> cases = List.of(
                // the medical data: booking, and the ingress controller for the patients' intake page only
                new Case("booking", "screening", 8081, "TCP", true),
                new Case("content", "screening", 8081, "TCP", false),
                new Case("intruder", "screening", 8081, "TCP", false),
                new Case("ingress-controller", "screening", 8081, "TCP", true),
                new Case("kafka", "screening", 8081, "TCP", false),
                new Case("postgres", "screening", 8081, "TCP", false),
                // the front door
                new Case("ingress-controller", "booking", 8080, "TCP", true),
                new Case("other-namespace", "booking", 8080, "TCP", false),
                new Case("intruder", "booking", 8080, "TCP", false),
                new Case("booking", "content", 8082, "TCP", true),
                new Case("intruder", "content", 8082, "TCP", false),
                new Case("ingress-controller", "content", 8082, "TCP", false),
                // PostgreSQL: the services (and its own replicas) only
                new Case("booking", "postgres", 5432, "TCP", true),
                new Case("screening", "postgres", 5432, "TCP", true),
                new Case("content", "postgres", 5432, "TCP", true),
                new Case("postgres-replica", "postgres", 5432, "TCP", true),
                new Case("intruder", "postgres", 5432, "TCP", false),
                new Case("kafka", "postgres", 5432, "TCP", false),
                new Case("other-namespace", "postgres", 5432, "TCP", false),
                new Case("cnpg-operator", "postgres", 8000, "TCP", true),
                // the database's exporter (backups, WAL archive): Prometheus only
                new Case("prometheus", "postgres", 9187, "TCP", true),
                new Case("prometheus", "postgres-replica", 9187, "TCP", true),
                new Case("prometheus", "postgres", 5432, "TCP", false),
                new Case("booking", "postgres", 9187, "TCP", false),
                new Case("intruder", "postgres", 9187, "TCP", false),
                new Case("ingress-controller", "postgres", 9187, "TCP", false),
                // Kafka: the services only (screening publishes version numbers of its inputs)
                new Case("booking", "kafka", 9093, "TCP", true),
                new Case("content", "kafka", 9093, "TCP", true),
                new Case("screening", "kafka", 9093, "TCP", true),
                new Case("intruder", "kafka", 9093, "TCP", false),
                new Case("other-namespace", "kafka", 9093, "TCP", false),
                new Case("kafka-peer", "kafka", 9091, "TCP", true),
                new Case("strimzi-operator", "kafka", 9091, "TCP", true),
                // names resolve for everyone of ours
                new Case("booking", "dns", 53, "UDP", true),
                new Case("screening", "dns", 53, "UDP", true),
                new Case("content", "dns", 53, "TCP", true),
                new Case("postgres", "dns", 53, "UDP", true),
                new Case("kafka", "dns", 53, "UDP", true),
                // mail leaves from content only
                new Case("content", "smtp-relay", 587, "TCP", true),
                new Case("booking", "smtp-relay", 587, "TCP", false),
                new Case("screening", "smtp-relay", 587, "TCP", false),
                new Case("screening", "smtp-relay", 25, "TCP", false),
                // management ports (health, metrics, OpenAPI): Prometheus only, never the Ingress
                new Case("prometheus", "booking", 9080, "TCP", true),
                new Case("prometheus", "screening", 9081, "TCP", true),
                new Case("prometheus", "content", 9082, "TCP", true),
                new Case("prometheus", "booking", 8080, "TCP", false),
                new Case("prometheus", "screening", 8081, "TCP", false),
                new Case("ingress-neighbour", "booking", 8080, "TCP", false),
                new Case("ingress-neighbour", "screening", 8081, "TCP", false),
                new Case("ingress-controller", "booking", 9080, "TCP", false),
                new Case("ingress-controller", "screening", 9081, "TCP", false),
                new Case("booking", "screening", 9081, "TCP", false),
                new Case("booking", "content", 9082, "TCP", false),
                new Case("intruder", "booking", 9080, "TCP", false),
                new Case("other-namespace", "screening", 9081, "TCP", false),
                // default deny
                new Case("screening", "content", 8082, "TCP", false),
                new Case("screening", "booking", 8080, "TCP", false),
                new Case("intruder", "internet", 443, "TCP", false),
                new Case("intruder", "dns", 53, "UDP", true));
        List<String> wrong = cases.stream()
                .filter(c -> reach.allows(at.get(c.from()), at.get(c.to()), c.port(), c.protocol()) != c.allowed())
                .map(c -> c.from() + " -> " + c.to() + ":" + c.port() + "/" + c.protocol() + " should be "
                        + (c.allowed() ? "allowed" : "denied"))
                .toList();
        assertEquals(List.of(), wrong);
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void thereIsADefaultDenyAndEveryPolicySelectsRealPods(Overlay overlay) {
        Manifests manifests = overlay.render();
        List<NetworkPolicy> policies = manifests.typed("NetworkPolicy", NetworkPolicy.class);
        assertTrue(policies.stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector().getMatchLabels())
                && isEmpty(p.getSpec().getPodSelector().getMatchExpressions())
                && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty()), "default deny");
        NetworkReach reach = new NetworkReach(overlay.namespace, policies);
        List<NetworkReach.Endpoint> ours = endpoints(manifests, overlay.namespace).values().stream()
                .filter(e -> overlay.namespace.equals(e.namespace()) && !e.name().equals("intruder")).toList();
        for (NetworkPolicy policy : policies) {
            assertTrue(ours.stream().anyMatch(e -> reach.selects(policy, e)),
                    policy.getMetadata().getName() + " selects no pod of the clinic");
        }
    }

    private static boolean isEmpty(Object mapOrList) {
        return mapOrList == null || (mapOrList instanceof Map<?, ?> map && map.isEmpty())
                || (mapOrList instanceof List<?> list && list.isEmpty());
    }

    /** Our pods as the Deployments label them; the operators' pods as Strimzi and CloudNativePG label them. */
    private static Map<String, NetworkReach.Endpoint> endpoints(Manifests manifests, String namespace) {
        Map<String, NetworkReach.Endpoint> at = new HashMap<>();
        for (String service : PORTS.keySet()) {
            Map<String, String> labels = manifests.typed("Deployment", service, Deployment.class).getSpec()
                    .getTemplate().getMetadata().getLabels();
            at.put(service.replace("-service", ""), NetworkReach.Endpoint.pod(service, namespace, labels));
        }
        Map<String, String> postgres = Map.of("cnpg.io/cluster", POSTGRES, "cnpg.io/instanceRole", "primary",
                "cnpg.io/podRole", "instance");
        at.put("postgres", NetworkReach.Endpoint.pod("postgres", namespace, postgres));
        at.put("postgres-replica", NetworkReach.Endpoint.pod("postgres-replica", namespace, Map.of("cnpg.io/cluster",
                POSTGRES, "cnpg.io/instanceRole", "replica", "cnpg.io/podRole", "instance")));
        Map<String, String> broker = Map.of("strimzi.io/cluster", KAFKA, "strimzi.io/kind", "Kafka",
                "strimzi.io/name", KAFKA + "-kafka", "strimzi.io/pool-name", "dual-role");
        at.put("kafka", NetworkReach.Endpoint.pod("kafka", namespace, broker));
        at.put("kafka-peer", NetworkReach.Endpoint.pod("kafka-peer", namespace, broker));
        at.put("intruder", NetworkReach.Endpoint.pod("intruder", namespace, Map.of("app", "debug-shell")));
        at.put("ingress-controller", NetworkReach.Endpoint.pod("ingress-controller", "ingress-nginx",
                Map.of("app.kubernetes.io/name", "ingress-nginx", "app.kubernetes.io/component", "controller")));
        at.put("ingress-neighbour", NetworkReach.Endpoint.pod("ingress-neighbour", "ingress-nginx",
                Map.of("app.kubernetes.io/name", "ingress-nginx", "app.kubernetes.io/component", "admission-webhook")));
        at.put("other-namespace", NetworkReach.Endpoint.pod("other-namespace", "other",
                Map.of("app.kubernetes.io/name", "booking-service")));
        at.put("cnpg-operator", NetworkReach.Endpoint.pod("cnpg-operator", "cnpg-system",
                Map.of("app.kubernetes.io/name", "cloudnative-pg")));
        at.put("strimzi-operator", NetworkReach.Endpoint.pod("strimzi-operator", "strimzi",
                Map.of("name", "strimzi-cluster-operator", "strimzi.io/kind", "cluster-operator")));
        at.put("dns", NetworkReach.Endpoint.pod("dns", "kube-system", Map.of("k8s-app", "kube-dns")));
        at.put("prometheus", NetworkReach.Endpoint.pod("prometheus", "monitoring",
                Map.of("app.kubernetes.io/name", "prometheus")));
        at.put("smtp-relay", NetworkReach.Endpoint.outside("smtp-relay"));
        at.put("internet", NetworkReach.Endpoint.outside("internet"));
        return at;
    }

    // --- Kafka ---------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void kafkaRunsInKraftModeWithDurableTopics(Overlay overlay) {
        Manifests manifests = overlay.render();
        Kafka kafka = manifests.typed("Kafka", KAFKA, Kafka.class);
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/kraft"));
        assertEquals("enabled", kafka.getMetadata().getAnnotations().get("strimzi.io/node-pools"));
        Map<String, Object> config = kafka.getSpec().getKafka().getConfig();
        assertEquals("2", String.valueOf(config.get("min.insync.replicas")));
        assertEquals("3", String.valueOf(config.get("default.replication.factor")));
        assertEquals("false", String.valueOf(config.get("auto.create.topics.enable")));
        assertEquals("simple", kafka.getSpec().getKafka().getAuthorization().getType());

        List<GenericKafkaListener> listeners = kafka.getSpec().getKafka().getListeners();
        assertEquals(1, listeners.size(), "one client listener");
        GenericKafkaListener listener = listeners.get(0);
        assertEquals(9093, listener.getPort());
        assertTrue(listener.isTls(), "clients talk TLS");
        assertEquals("scram-sha-512", listener.getAuth().getType());
        // Strimzi opens the listener to exactly these peers: booking and content
        Set<String> peers = listener.getNetworkPolicyPeers().stream()
                .map(p -> p.getPodSelector().getMatchLabels().get("app.kubernetes.io/name"))
                .collect(Collectors.toSet());
        assertEquals(Set.of("booking-service", "content-service", "screening-service"), peers);

        List<KafkaNodePool> pools = manifests.typed("KafkaNodePool", KafkaNodePool.class);
        int brokers = 0;
        int controllers = 0;
        for (KafkaNodePool pool : pools) {
            assertEquals(KAFKA, pool.getMetadata().getLabels().get("strimzi.io/cluster"));
            brokers += pool.getSpec().getRoles().contains(ProcessRoles.BROKER) ? pool.getSpec().getReplicas() : 0;
            controllers += pool.getSpec().getRoles().contains(ProcessRoles.CONTROLLER) ? pool.getSpec().getReplicas() : 0;
        }
        assertTrue(brokers >= 3, "replication factor 3 needs three brokers");
        assertTrue(controllers >= 3 && controllers % 2 == 1, "a KRaft quorum of an odd number >= 3");

        Map<String, KafkaTopic> topics = new HashMap<>();
        for (KafkaTopic topic : manifests.typed("KafkaTopic", KafkaTopic.class)) {
            topics.put(topic.getSpec().getTopicName(), topic);
            assertEquals(KAFKA, topic.getMetadata().getLabels().get("strimzi.io/cluster"));
            assertEquals(3, topic.getSpec().getReplicas(), topic.getSpec().getTopicName());
            assertEquals("2", String.valueOf(topic.getSpec().getConfig().get("min.insync.replicas")),
                    topic.getSpec().getTopicName());
        }
        assertEquals(Set.of(TOPIC, DLQ, SCREENING_TOPIC, SCREENING_DLQ, PATIENTS_TOPIC, PATIENTS_SCREENING_DLQ,
                PATIENTS_CONTENT_DLQ), topics.keySet());
    }

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void kafkaUsersHoldOnlyTheRightsTheirServiceNeeds(Overlay overlay) {
        Manifests manifests = overlay.render();
        Map<String, Set<String>> rights = new TreeMap<>();
        for (KafkaUser user : manifests.typed("KafkaUser", KafkaUser.class)) {
            assertEquals(KAFKA, user.getMetadata().getLabels().get("strimzi.io/cluster"));
            assertTrue(user.getSpec().getAuthentication() instanceof KafkaUserScramSha512ClientAuthentication,
                    user.getMetadata().getName());
            Set<String> acl = new TreeSet<>();
            for (AclRule rule : ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
                String resource = rule.getResource() instanceof AclRuleTopicResource topic
                        ? "topic:" + topic.getName() + ":" + topic.getPatternType().toValue()
                        : rule.getResource() instanceof AclRuleGroupResource group
                                ? "group:" + group.getName() + ":" + group.getPatternType().toValue()
                                : "other:" + rule.getResource().getType();
                for (AclOperation operation : rule.getOperations()) {
                    acl.add(resource + ":" + operation.toValue());
                }
            }
            rights.put(user.getMetadata().getName(), acl);
        }
        // what each produces, and what each consumes as its own messaging channels declare it
        Map<String, Set<String>> expected = Map.of(
                "booking-service", union(producing(TOPIC), producing(PATIENTS_TOPIC), consuming("booking-service")),
                "screening-service", union(producing(SCREENING_TOPIC), consuming("screening-service")),
                "content-service", consuming("content-service"));
        assertEquals(expected, rights);
        assertTrue(consuming("booking-service").contains("topic:" + SCREENING_DLQ + ":literal:Read"));
        assertTrue(consuming("content-service").containsAll(Set.of("topic:" + DLQ + ":literal:Read",
                "topic:" + PATIENTS_CONTENT_DLQ + ":literal:Read")));
        // each Kafka client logs in with the password Strimzi wrote for its own user
        for (String service : List.of("booking-service", "screening-service", "content-service")) {
            assertEquals("secret:" + service + "/sasl.jaas.config",
                    environment(manifests, service).get("KAFKA_SASL_JAAS_CONFIG"), service);
        }
    }

    private static Set<String> producing(String topic) {
        return Set.of("topic:" + topic + ":literal:Write", "topic:" + topic + ":literal:Describe");
    }

    /**
     * What a service's incoming Kafka channels take: reading each topic in the channel's group, which
     * the lag gauge also describes, and owning each dead-letter topic (written by the consumer, read
     * by the depth gauge and the replay, whose group is {@code <service>-dead-letter-replay}).
     */
    private static Set<String> consuming(String service) {
        java.util.Properties config = new java.util.Properties();
        try (var in = java.nio.file.Files.newInputStream(Kustomize.K8S_DIR.resolve("../../" + service
                + "/src/main/resources/application.properties"))) {
            config.load(in);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        Set<String> rights = new TreeSet<>();
        for (String name : config.stringPropertyNames()) {
            java.util.regex.Matcher channel = java.util.regex.Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector").matcher(name);
            if (!channel.matches() || !"smallrye-kafka".equals(config.getProperty(name))) {
                continue;
            }
            String prefix = "mp.messaging.incoming." + channel.group(1) + ".";
            String topic = config.getProperty(prefix + "topic");
            String group = config.getProperty(prefix + "group.id");
            String deadLetters = config.getProperty(prefix + "dead-letter-queue.topic");
            assertTrue(topic != null && group != null && deadLetters != null, service + " names the topic, group and dead-letter topic of "
                    + channel.group(1));
            rights.addAll(List.of("topic:" + topic + ":literal:Read", "topic:" + topic + ":literal:Describe",
                    "group:" + group + ":literal:Read", "group:" + group + ":literal:Describe",
                    "topic:" + deadLetters + ":literal:Read", "topic:" + deadLetters + ":literal:Write",
                    "topic:" + deadLetters + ":literal:Describe",
                    "group:" + service + "-dead-letter-replay:literal:Read", "group:" + service + "-dead-letter-replay:literal:Describe"));
        }
        assertTrue(!rights.isEmpty(), service + " consumes something");
        return rights;
    }

    // --- PostgreSQL ---------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void eachServiceOwnsItsDatabaseThroughItsOwnRole(Overlay overlay) {
        Manifests manifests = overlay.render();
        JsonNode cluster = manifests.get("Cluster", POSTGRES).path("spec");
        assertFalse(cluster.path("enableSuperuserAccess").asBoolean(true), "no superuser access from outside");

        // database -> [owner, secret of the owner]
        Map<String, List<String>> databases = new HashMap<>();
        JsonNode initdb = cluster.path("bootstrap").path("initdb");
        Map<String, String> roleSecrets = new HashMap<>();
        roleSecrets.put(initdb.path("owner").asText(), initdb.path("secret").path("name").asText());
        for (JsonNode role : cluster.path("managed").path("roles")) {
            assertTrue(role.path("login").asBoolean(), role.path("name").asText());
            assertFalse(role.path("superuser").asBoolean(), role.path("name").asText());
            roleSecrets.put(role.path("name").asText(), role.path("passwordSecret").path("name").asText());
        }
        databases.put(initdb.path("database").asText(), List.of(initdb.path("owner").asText()));
        for (JsonNode database : manifests.ofKind("Database")) {
            JsonNode spec = database.path("spec");
            assertEquals(POSTGRES, spec.path("cluster").path("name").asText());
            assertEquals("retain", spec.path("databaseReclaimPolicy").asText(), "deleting the resource keeps the data");
            databases.put(spec.path("name").asText(), List.of(spec.path("owner").asText()));
        }
        assertEquals(Set.of("booking", "screening", "content"), databases.keySet());

        for (String service : PORTS.keySet()) {
            String database = DATABASE.get(service);
            String owner = databases.get(database).get(0);
            String secret = roleSecrets.get(owner);
            assertNotNull(secret, owner + " has a password Secret");
            Map<String, String> env = environment(manifests, service);
            assertEquals("secret:" + secret + "/username", env.get("QUARKUS_DATASOURCE_USERNAME"), service);
            assertEquals("secret:" + secret + "/password", env.get("QUARKUS_DATASOURCE_PASSWORD"), service);
        }
        // three distinct roles: no service can read another's tables
        assertEquals(3, new HashSet<>(roleSecrets.values()).size());
    }

    @Test
    void prodArchivesWalAndBacksUpEveryNight() {
        Manifests manifests = Overlay.PROD.render();
        JsonNode plugins = manifests.get("Cluster", POSTGRES).path("spec").path("plugins");
        assertEquals(1, plugins.size());
        JsonNode plugin = plugins.get(0);
        assertEquals("barman-cloud.cloudnative-pg.io", plugin.path("name").asText());
        assertTrue(plugin.path("isWALArchiver").asBoolean(), "WAL is archived: point-in-time recovery");
        String store = plugin.path("parameters").path("barmanObjectName").asText();
        JsonNode objectStore = manifests.get("ObjectStore", store).path("spec");
        assertTrue(objectStore.path("retentionPolicy").asText().matches("[1-9][0-9]*[dwm]"));

        List<JsonNode> schedules = manifests.ofKind("ScheduledBackup");
        assertEquals(1, schedules.size());
        JsonNode schedule = schedules.get(0).path("spec");
        assertEquals(POSTGRES, schedule.path("cluster").path("name").asText());
        assertEquals("plugin", schedule.path("method").asText());
        assertEquals(plugin.path("name").asText(), schedule.path("pluginConfiguration").path("name").asText());
        assertEquals(6, schedule.path("schedule").asText().split(" ").length, "CloudNativePG cron has seconds first");
    }

    // --- secrets ------------------------------------------------------------------------------

    @ParameterizedTest
    @EnumSource(Overlay.class)
    void everySecretTheManifestsUseIsMadeByAnOperatorOrHasATemplate(Overlay overlay) {
        Manifests manifests = overlay.render();
        Map<String, Set<String>> used = secretsUsed(manifests);

        Map<String, Set<String>> byOperators = new HashMap<>();
        byOperators.put(KAFKA + "-cluster-ca-cert", Set.of("ca.crt", "ca.p12", "ca.password"));
        byOperators.put(POSTGRES + "-ca", Set.of("ca.crt", "ca.key"));
        for (JsonNode user : manifests.ofKind("KafkaUser")) {
            byOperators.put(Manifests.name(user), Set.of("password", "sasl.jaas.config"));
        }
        Map<String, Set<String>> templates = new HashMap<>();
        for (Secret secret : Manifests.file("secrets/secrets.example.yaml").typed("Secret", Secret.class)) {
            templates.put(secret.getMetadata().getName(), secret.getStringData().keySet());
            for (Map.Entry<String, String> value : secret.getStringData().entrySet()) {
                boolean placeholder = value.getValue().contains("CHANGE-ME")
                        || "username".equals(value.getKey());
                assertTrue(placeholder, secret.getMetadata().getName() + "/" + value.getKey()
                        + " must be a CHANGE-ME placeholder");
            }
        }
        for (Map.Entry<String, Set<String>> use : used.entrySet()) {
            Set<String> keys = byOperators.containsKey(use.getKey()) ? byOperators.get(use.getKey())
                    : templates.get(use.getKey());
            assertNotNull(keys, "Secret " + use.getKey() + " is used but neither an operator nor a template makes it");
            assertTrue(keys.containsAll(use.getValue()), use.getKey() + " lacks keys " + use.getValue());
        }
    }

    @Test
    void everySecretTemplateIsUsedByAnOverlay() {
        Set<String> unused = new TreeSet<>();
        for (Secret secret : Manifests.file("secrets/secrets.example.yaml").typed("Secret", Secret.class)) {
            unused.add(secret.getMetadata().getName());
        }
        for (Overlay overlay : Overlay.values()) {
            unused.removeAll(secretsUsed(overlay.render()).keySet());
        }
        assertEquals(Set.of(), unused, "templates nothing uses");
    }

    /** Secret name to the keys read from it, by Deployments, the Ingress, CloudNativePG and the backup store. */
    private static Map<String, Set<String>> secretsUsed(Manifests manifests) {
        Map<String, Set<String>> used = new TreeMap<>();
        for (Deployment deployment : manifests.typed("Deployment", Deployment.class)) {
            PodSpec pod = deployment.getSpec().getTemplate().getSpec();
            for (EnvVar env : pod.getContainers().get(0).getEnv()) {
                use(used, env.getValueFrom().getSecretKeyRef().getName(), env.getValueFrom().getSecretKeyRef().getKey());
            }
            for (Volume volume : pod.getVolumes()) {
                if (volume.getSecret() != null) {
                    volume.getSecret().getItems().forEach(i -> use(used, volume.getSecret().getSecretName(), i.getKey()));
                }
                if (volume.getProjected() != null) {
                    for (VolumeProjection source : volume.getProjected().getSources()) {
                        if (source.getSecret() != null) {
                            source.getSecret().getItems().forEach(i -> use(used, source.getSecret().getName(), i.getKey()));
                        }
                    }
                }
            }
        }
        for (Ingress ingress : manifests.typed("Ingress", Ingress.class)) {
            ingress.getSpec().getTls().forEach(tls -> {
                use(used, tls.getSecretName(), "tls.crt");
                use(used, tls.getSecretName(), "tls.key");
            });
        }
        JsonNode cluster = manifests.get("Cluster", POSTGRES).path("spec");
        for (JsonNode secret : List.of(cluster.path("bootstrap").path("initdb").path("secret"))) {
            use(used, secret.path("name").asText(), "username");
            use(used, secret.path("name").asText(), "password");
        }
        for (JsonNode role : cluster.path("managed").path("roles")) {
            use(used, role.path("passwordSecret").path("name").asText(), "username");
            use(used, role.path("passwordSecret").path("name").asText(), "password");
        }
        for (JsonNode store : manifests.ofKind("ObjectStore")) {
            store.path("spec").path("configuration").path("s3Credentials").forEach(ref -> {
                if (ref.has("name")) {
                    use(used, ref.path("name").asText(), ref.path("key").asText());
                }
            });
        }
        return used;
    }

    private static void use(Map<String, Set<String>> used, String secret, String key) {
        used.computeIfAbsent(secret, s -> new TreeSet<>()).add(key);
    }

    // --- per overlay ----------------------------------------------------------------------------

    @Test
    void prodRunsEveryServiceTwiceWithADisruptionBudgetAndAnAutoscaler() {
        Manifests prod = Overlay.PROD.render();
        List<PodDisruptionBudget> budgets = prod.typed("PodDisruptionBudget", PodDisruptionBudget.class);
        List<HorizontalPodAutoscaler> autoscalers = prod.typed("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class);
        for (Deployment deployment : prod.typed("Deployment", Deployment.class)) {
            String name = deployment.getMetadata().getName();
            // the autoscaler owns the count: a Deployment that named one would be scaled back to it by
            // every apply, in the middle of a busy day
            assertNull(deployment.getSpec().getReplicas(), name + " leaves its replicas to the autoscaler");
            Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();

            List<PodDisruptionBudget> mine = budgets.stream()
                    .filter(b -> NetworkReach.matches(b.getSpec().getSelector(), podLabels)).toList();
            assertEquals(1, mine.size(), name + " has one PodDisruptionBudget");
            List<HorizontalPodAutoscaler> scaling = autoscalers.stream()
                    .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                            && name.equals(h.getSpec().getScaleTargetRef().getName())).toList();
            assertEquals(1, scaling.size(), name + " has one HorizontalPodAutoscaler");
            HorizontalPodAutoscaler hpa = scaling.get(0);
            assertTrue(hpa.getSpec().getMinReplicas() >= 2, name + " never scales below two");
            int minAvailable = mine.get(0).getSpec().getMinAvailable().getIntVal();
            assertTrue(minAvailable >= 1 && minAvailable < hpa.getSpec().getMinReplicas(), name + " budget lets a drain proceed");
            assertTrue(hpa.getSpec().getMaxReplicas() >= hpa.getSpec().getMinReplicas(), name);
            assertFalse(hpa.getSpec().getMetrics().isEmpty(), name);
        }
        assertEquals(3, budgets.size());
        assertEquals(3, autoscalers.size());
        assertTrue(prod.get("Cluster", POSTGRES).path("spec").path("instances").asInt() >= 3,
                "a primary and two standbys");
    }

    /**
     * At full scale, and during a rollout (one pod more of each service), every pod's connection pool
     * can be full at once and PostgreSQL still has connections left for the operator and a person.
     */
    @Test
    void prodsConnectionPoolsFitPostgresAtFullScaleDuringARollout() {
        Manifests prod = Overlay.PROD.render();
        int maxConnections = Integer.parseInt(prod.get("Cluster", POSTGRES).path("spec").path("postgresql")
                .path("parameters").path("max_connections").asText());
        int atMost = 0;
        for (Deployment deployment : prod.typed("Deployment", Deployment.class)) {
            String name = deployment.getMetadata().getName();
            int pods = prod.typed("HorizontalPodAutoscaler", HorizontalPodAutoscaler.class).stream()
                    .filter(h -> name.equals(h.getSpec().getScaleTargetRef().getName())).findFirst().orElseThrow()
                    .getSpec().getMaxReplicas() + deployment.getSpec().getStrategy().getRollingUpdate().getMaxSurge().getIntVal();
            String pool = environment(prod, name).get("QUARKUS_DATASOURCE_JDBC_MAX_SIZE");
            assertNotNull(pool, name + " sets its pool's size");
            atMost += pods * Integer.parseInt(pool);
        }
        assertTrue(atMost + 20 <= maxConnections, atMost + " connections at most, max_connections " + maxConnections);
    }

    @Test
    void devRunsOneSmallPodPerServiceWithoutAutoscaling() {
        Manifests dev = Overlay.DEV.render();
        for (Deployment deployment : dev.typed("Deployment", Deployment.class)) {
            assertEquals(1, deployment.getSpec().getReplicas(), deployment.getMetadata().getName());
        }
        assertTrue(dev.ofKind("PodDisruptionBudget").isEmpty());
        assertTrue(dev.ofKind("HorizontalPodAutoscaler").isEmpty());
        assertEquals(1, dev.get("Cluster", POSTGRES).path("spec").path("instances").asInt());
        // disposable data: no WAL archive pointing at a placeholder bucket (which would fill the disk)
        assertTrue(dev.get("Cluster", POSTGRES).path("spec").path("plugins").isMissingNode());
        assertTrue(dev.ofKind("ScheduledBackup").isEmpty());
    }
}
