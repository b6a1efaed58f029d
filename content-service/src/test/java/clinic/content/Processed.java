package clinic.content;

import static org.awaitility.Awaitility.await;

import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import clinic.content.domain.ProcessedEvent;
import clinic.content.repository.ProcessedEventRepository;
import io.quarkus.arc.Arc;
import io.quarkus.narayana.jta.QuarkusTransaction;

/** Reads the idempotency record, to know when (and how) the consumer handled an event. */
public final class Processed {

    private Processed() {
    }

    public static String outcome(JsonNode event) {
        UUID id = UUID.fromString(event.get("eventId").asText());
        ProcessedEventRepository repo = Arc.container().instance(ProcessedEventRepository.class).get();
        return QuarkusTransaction.requiringNew().call(() -> {
            ProcessedEvent p = repo.findById(id);
            return p == null ? null : p.outcome.name();
        });
    }

    public static void awaitOutcome(JsonNode event, String outcome) {
        await().atMost(Api.WITHIN).until(() -> Objects.equals(outcome, outcome(event)));
    }
}
