package clinic.k8s;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBuilder;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.introspect.Annotated;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.introspect.JacksonAnnotationIntrospector;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.PodMonitor;
import io.fabric8.openshift.api.model.monitoring.v1.PrometheusRule;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.crdgenerator.annotations.PresentInVersions;

/**
 * Parses Kubernetes objects into the fabric8 and Strimzi models so strictly that a field the API does
 * not know fails, as the API server would reject (or silently drop) it.
 *
 * <p>Both models catch unknown fields in an "additional properties" map ({@code @JsonAnySetter}), so
 * FAIL_ON_UNKNOWN_PROPERTIES alone lets every typo through; the introspector below switches those
 * catch-alls off. Scalars are not coerced either: the API server refuses a number where it wants a
 * string (an env value of {@code 8080}) and so does this mapper.
 */
final class StrictModels {

    /** The Strimzi API version these manifests use; properties Strimzi marks as absent from it fail. */
    static final String STRIMZI_VERSION = "v1";

    /** apiVersion/kind to model class, for every kind the overlays may contain (CRDs of CNPG excluded). */
    static final Map<String, Class<?>> MODELS = Map.ofEntries(
            Map.entry("v1/ConfigMap", ConfigMap.class),
            Map.entry("v1/Secret", Secret.class),
            Map.entry("v1/Service", Service.class),
            Map.entry("apps/v1/Deployment", Deployment.class),
            Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
            Map.entry("networking.k8s.io/v1/NetworkPolicy", NetworkPolicy.class),
            Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
            Map.entry("monitoring.coreos.com/v1/PodMonitor", PodMonitor.class),
            Map.entry("monitoring.coreos.com/v1/PrometheusRule", PrometheusRule.class),
            Map.entry("kafka.strimzi.io/" + STRIMZI_VERSION + "/Kafka", Kafka.class),
            Map.entry("kafka.strimzi.io/" + STRIMZI_VERSION + "/KafkaNodePool", KafkaNodePool.class),
            Map.entry("kafka.strimzi.io/" + STRIMZI_VERSION + "/KafkaTopic", KafkaTopic.class),
            Map.entry("kafka.strimzi.io/" + STRIMZI_VERSION + "/KafkaUser", KafkaUser.class));

    static final ObjectMapper MAPPER = strictMapper();

    private StrictModels() {
    }

    static String typeKey(JsonNode object) {
        return object.path("apiVersion").asText() + "/" + object.path("kind").asText();
    }

    /** Parses one object into its model class; fails with the field path when the API would not accept it. */
    static Object parse(JsonNode object) {
        Class<?> model = MODELS.get(typeKey(object));
        if (model == null) {
            throw new AssertionError("no strict model for " + typeKey(object));
        }
        return parse(object, model);
    }

    static <T> T parse(JsonNode object, Class<T> model) {
        try {
            return MAPPER.treeToValue(object, model);
        } catch (Exception e) {
            throw new AssertionError(typeKey(object) + " " + object.path("metadata").path("name").asText()
                    + " does not match the " + model.getSimpleName() + " model: " + e.getMessage(), e);
        }
    }

    /** Object metadata alone (for custom resources validated by schema, whose CRD leaves metadata open). */
    static ObjectMeta parseMetadata(JsonNode object) {
        return parse(object.path("metadata"), ObjectMeta.class);
    }

    private static ObjectMapper strictMapper() {
        SimpleModule onlyStrimziV1 = new SimpleModule("strimzi-" + STRIMZI_VERSION + "-only");
        onlyStrimziV1.setDeserializerModifier(new DropPropertiesOutsideVersion());
        ObjectMapper mapper = JsonMapper.builder()
                .annotationIntrospector(new NoCatchAllProperties())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
                .addModule(onlyStrimziV1)
                .build();
        for (CoercionInputShape shape : List.of(CoercionInputShape.Integer, CoercionInputShape.Float,
                CoercionInputShape.Boolean)) {
            mapper.coercionConfigFor(LogicalType.Textual).setCoercion(shape, CoercionAction.Fail);
        }
        return mapper;
    }

    /** Ignores {@code @JsonAnySetter}, so a field without a property in the model is an unknown field. */
    private static final class NoCatchAllProperties extends JacksonAnnotationIntrospector {
        @Override
        public Boolean hasAnySetter(Annotated annotated) {
            return Boolean.FALSE;
        }
    }

    /** Removes the Strimzi properties that {@link #STRIMZI_VERSION} does not have, so using one fails as unknown. */
    private static final class DropPropertiesOutsideVersion extends BeanDeserializerModifier {
        @Override
        public BeanDeserializerBuilder updateBuilder(DeserializationConfig config, BeanDescription description,
                BeanDeserializerBuilder builder) {
            if (!description.getBeanClass().getName().startsWith("io.strimzi.")) {
                return builder;
            }
            for (BeanPropertyDefinition property : description.findProperties()) {
                if (!presentIn(property, STRIMZI_VERSION)) {
                    builder.removeProperty(property.getFullName());
                }
            }
            return builder;
        }

        private static boolean presentIn(BeanPropertyDefinition property, String version) {
            for (AnnotatedMember member : new AnnotatedMember[] {property.getGetter(), property.getSetter(),
                    property.getField()}) {
                if (member != null) {
                    PresentInVersions present = member.getAnnotation(PresentInVersions.class);
                    if (present != null) {
                        return StrimziVersions.contains(present.value(), version);
                    }
                }
            }
            return true;
        }
    }
}
