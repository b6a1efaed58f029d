package clinic.k8s;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclRuleGroupResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;

/**
 * Proves the checking itself: deliberately wrong objects must fail, the untouched ones must pass.
 * Works on the base files directly, so it needs no kustomize.
 */
class StrictParsingTest {

    private static final String PROD_BACKUP = "overlays/prod/postgres-backup.yaml";

    private static JsonNode base(String file, String kind, String name) {
        return Manifests.file(file.contains("/") ? file : "base/" + file).get(kind, name).deepCopy();
    }

    /** The node at {@code path} ("spec/template/spec/containers/0"), for editing a copy. */
    private static JsonNode at(JsonNode root, String path) {
        JsonNode node = root;
        for (String step : path.split("/")) {
            node = node.isArray() ? node.get(Integer.parseInt(step)) : node.get(step);
        }
        return node;
    }

    private static void assertRejected(JsonNode object, String expectedInMessage) {
        AssertionError error = assertThrows(AssertionError.class, () -> StrictModels.parse(object));
        assertTrue(error.getMessage().contains(expectedInMessage),
                "expected the error to name '" + expectedInMessage + "' but was: " + error.getMessage());
    }

    private static void assertViolation(JsonNode object, String expectedInMessage) {
        List<String> violations = CrdSchemas.violations(object);
        assertTrue(violations.stream().anyMatch(v -> v.contains(expectedInMessage)),
                "expected a violation naming '" + expectedInMessage + "' but got " + violations);
    }

    // --- core Kubernetes objects through fabric8 ---------------------------------------------------

    @Test
    void theBaseDeploymentParses() {
        Deployment deployment = StrictModels.parse(base("booking-service.yaml", "Deployment", "booking-service"),
                Deployment.class);
        assertEquals("/q/health/live", deployment.getSpec().getTemplate().getSpec().getContainers().get(0)
                .getLivenessProbe().getHttpGet().getPath());
    }

    @Test
    void aMisspeltFieldDeepInADeploymentFails() {
        JsonNode deployment = base("booking-service.yaml", "Deployment", "booking-service");
        ObjectNode container = (ObjectNode) at(deployment, "spec/template/spec/containers/0");
        container.set("livenesProbe", container.remove("livenessProbe"));
        assertRejected(deployment, "Unrecognized field \"livenesProbe\"");
    }

    @Test
    void aMisspeltFieldInMetadataFails() {
        JsonNode service = base("booking-service.yaml", "Service", "booking-service");
        ((ObjectNode) service.get("metadata")).put("label", "x");
        assertRejected(service, "Unrecognized field \"label\"");
    }

    @Test
    void aNumberWhereKubernetesWantsAStringFails() {
        JsonNode deployment = base("booking-service.yaml", "Deployment", "booking-service");
        ArrayNode env = (ArrayNode) at(deployment, "spec/template/spec/containers/0/env");
        env.addObject().put("name", "QUARKUS_HTTP_PORT").put("value", 8080);
        assertRejected(deployment, "Cannot coerce Integer value (8080)");
    }

    @Test
    void aMisspeltFieldInAnAlertRuleFails() {
        JsonNode rules = Manifests.file("components/monitoring/prometheus-rules.yaml").get("PrometheusRule", "clinic-alerts");
        ObjectNode rule = (ObjectNode) at(rules, "spec/groups/0/rules/0");
        rule.set("expresion", rule.remove("expr"));
        assertRejected(rules, "Unrecognized field \"expresion\"");
    }

    static Stream<String> everyModel() {
        return StrictModels.MODELS.keySet().stream().sorted();
    }

    @ParameterizedTest
    @MethodSource("everyModel")
    void anUnknownTopLevelFieldFailsForEveryModel(String typeKey) {
        int slash = typeKey.lastIndexOf('/');
        ObjectNode object = Manifests.YAML.createObjectNode()
                .put("apiVersion", typeKey.substring(0, slash))
                .put("kind", typeKey.substring(slash + 1));
        object.putObject("metadata").put("name", "probe");
        object.put("specification", "typo of spec");
        assertRejected(object, "Unrecognized field \"specification\"");
    }

    // --- Strimzi through io.strimzi:api, v1 only ------------------------------------------------

    @Test
    void theBaseKafkaResourcesParse() {
        KafkaUser content = StrictModels.parse(base("kafka-users.yaml", "KafkaUser", "content-service"),
                KafkaUser.class);
        // the appointments and patient topics, the group, the dead-letter replay's group and the two
        // dead-letter topics
        assertEquals(List.of("clinic.appointments.v1", "clinic.patients.v1", "content-service", "content-service-dead-letter-replay",
                "clinic.appointments.v1.dlq", "clinic.patients.v1.content.dlq"), ((KafkaUserAuthorizationSimple) content.getSpec().getAuthorization())
                        .getAcls().stream().map(acl -> acl.getResource() instanceof AclRuleTopicResource t ? t.getName()
                                : ((AclRuleGroupResource) acl.getResource()).getName())
                        .toList());
        KafkaTopic topic = StrictModels.parse(base("kafka-topics.yaml", "KafkaTopic", "clinic.appointments.v1"),
                KafkaTopic.class);
        assertEquals(3, topic.getSpec().getReplicas());
        StrictModels.parse(base("kafka.yaml", "Kafka", "clinic-kafka"));
        StrictModels.parse(base("kafka.yaml", "KafkaNodePool", "dual-role"));
    }

    @Test
    void aMisspeltTopicFieldFails() {
        JsonNode topic = base("kafka-topics.yaml", "KafkaTopic", "clinic.appointments.v1");
        ObjectNode spec = (ObjectNode) topic.get("spec");
        spec.set("replica", spec.remove("replicas"));
        assertRejected(topic, "Unrecognized field \"replica\"");
    }

    @Test
    void anAclWrittenTheV1beta2WayFails() {
        JsonNode user = base("kafka-users.yaml", "KafkaUser", "booking-service");
        ObjectNode acl = (ObjectNode) at(user, "spec/authorization/acls/0");
        acl.remove("operations");
        acl.put("operation", "Write");
        assertRejected(user, "Unrecognized field \"operation\"");
    }

    @Test
    void zookeeperIsNotPartOfKafkaV1() {
        JsonNode kafka = base("kafka.yaml", "Kafka", "clinic-kafka");
        ((ObjectNode) kafka.get("spec")).putObject("zookeeper").put("replicas", 3);
        assertRejected(kafka, "Unrecognized field \"zookeeper\"");
    }

    @Test
    void aMisspeltListenerFieldFails() {
        JsonNode kafka = base("kafka.yaml", "Kafka", "clinic-kafka");
        ((ObjectNode) at(kafka, "spec/kafka/listeners/0")).put("tlss", true);
        assertRejected(kafka, "Unrecognized field \"tlss\"");
    }

    @ParameterizedTest
    @CsvSource({
        "v1beta2,          v1,       false",
        "v1alpha1-v1beta2, v1,       false",
        "v1alpha1-v1beta2, v1beta1,  true",
        "v1+,              v1,       true",
        "v1beta2+,         v1,       true",
        "v1beta2+,         v1beta1,  false",
        "v1,               v1,       true",
    })
    void strimziVersionRanges(String range, String version, boolean contained) {
        assertEquals(contained, StrimziVersions.contains(range, version));
    }

    // --- CloudNativePG and the Barman Cloud plugin through their CRD schemas ---------------------

    @Test
    void theBaseDataResourcesMatchTheirCrds() {
        for (JsonNode object : Stream.concat(Manifests.file("base/postgres.yaml").objects().stream(),
                Manifests.file(PROD_BACKUP).objects().stream()).toList()) {
            assertEquals(List.of(), CrdSchemas.violations(object), Manifests.name(object));
        }
    }

    @Test
    void aMisspeltClusterFieldFails() {
        JsonNode cluster = base("postgres.yaml", "Cluster", "clinic-db");
        ObjectNode spec = (ObjectNode) cluster.get("spec");
        spec.set("instance", spec.remove("instances"));
        assertViolation(cluster, "instance");
    }

    @Test
    void aMisspeltFieldDeepInAClusterFails() {
        JsonNode cluster = base("postgres.yaml", "Cluster", "clinic-db");
        ((ObjectNode) at(cluster, "spec/managed/roles/0")).put("passwrd", "x");
        assertViolation(cluster, "passwrd");
        JsonNode other = base("postgres.yaml", "Cluster", "clinic-db");
        ((ObjectNode) at(other, "spec/bootstrap/initdb")).put("databse", "booking");
        assertViolation(other, "databse");
    }

    @Test
    void aWrongTypeInAClusterFails() {
        JsonNode cluster = base("postgres.yaml", "Cluster", "clinic-db");
        ((ObjectNode) cluster.get("spec")).put("instances", "3");
        assertViolation(cluster, "instances");
    }

    @Test
    void aFieldLeftOutOfTheStoredSchemaCannotBeUsedUnnoticed() {
        JsonNode cluster = base("postgres.yaml", "Cluster", "clinic-db");
        ((ObjectNode) cluster.get("spec")).putObject("backup").put("retentionPolicy", "30d");
        assertViolation(cluster, "backup");
    }

    @Test
    void aMisspeltDatabaseFieldFails() {
        JsonNode database = base("postgres.yaml", "Database", "clinic-db-screening");
        ((ObjectNode) database.get("spec")).put("ownr", "screening");
        assertViolation(database, "ownr");
    }

    @Test
    void anUnknownBackupMethodFails() {
        JsonNode backup = base(PROD_BACKUP, "ScheduledBackup", "clinic-db-nightly");
        ((ObjectNode) backup.get("spec")).put("method", "barman");
        assertViolation(backup, "method");
    }

    @Test
    void aMisspeltObjectStoreFieldFails() {
        JsonNode store = base(PROD_BACKUP, "ObjectStore", "clinic-db-backups");
        ((ObjectNode) at(store, "spec/configuration")).put("destinationPth", "s3://x");
        assertViolation(store, "destinationPth");
    }
}
