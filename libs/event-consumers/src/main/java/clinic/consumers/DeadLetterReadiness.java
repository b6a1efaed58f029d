package clinic.consumers;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * A warning in readiness when dead letters wait: the service stays ready (they are events it could
 * not read, and taking it out of service would not help them), but whoever looks sees how many wait
 * in each dead-letter topic and what to do.
 */
@Readiness
@ApplicationScoped
public class DeadLetterReadiness implements HealthCheck {

    private final ConsumerOffsets offsets;

    public DeadLetterReadiness(ConsumerOffsets offsets) {
        this.offsets = offsets;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("Dead letters").up();
        Map<String, Long> depths = offsets.deadLetterDepths();
        if (!offsets.known()) {
            depths.keySet().forEach(topic -> response.withData(topic, "not known: Kafka not read lately"));
            return response.build();
        }
        depths.forEach(response::withData);
        long waiting = depths.values().stream().mapToLong(Long::longValue).sum();
        if (waiting > 0) {
            response.withData("warning", waiting + " event(s) could not be read and wait in dead-letter topics; see GET"
                    + " /api/dead-letters, and replay them with POST /api/dead-letters/replay once fixed");
        }
        return response.build();
    }
}
