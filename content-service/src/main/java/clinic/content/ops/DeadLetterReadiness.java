package clinic.content.ops;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * A warning in readiness when dead letters wait: the service stays ready (they are events it could
 * not read, and taking it out of service would not help them), but whoever looks sees how many and
 * what to do.
 */
@Readiness
@ApplicationScoped
public class DeadLetterReadiness implements HealthCheck {

    private final KafkaOffsets offsets;
    private final KafkaTopicsConfig topics;

    public DeadLetterReadiness(KafkaOffsets offsets, KafkaTopicsConfig topics) {
        this.offsets = offsets;
        this.topics = topics;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Dead letters").up()
                .withData("topic", topics.deadLetterTopic());
        if (!offsets.known()) {
            return response.withData("deadLetters", "not yet known").build();
        }
        long depth = offsets.deadLetterDepth();
        response.withData("deadLetters", depth);
        if (depth > 0) {
            response.withData("warning", depth + " event(s) could not be read and wait in " + topics.deadLetterTopic()
                    + "; see GET /api/dead-letters, and replay them with POST /api/dead-letters/replay once fixed");
        }
        return response.build();
    }
}
