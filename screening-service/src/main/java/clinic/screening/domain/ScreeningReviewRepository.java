package clinic.screening.domain;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;

/** Reviews, keyed by the decision they review. */
@ApplicationScoped
public class ScreeningReviewRepository implements PanacheRepositoryBase<ScreeningReview, UUID> {

    public Map<UUID, ScreeningReview> byDecision(Collection<UUID> decisionIds) {
        if (decisionIds.isEmpty()) {
            return Map.of();
        }
        List<ScreeningReview> reviews = list("decisionId in ?1", decisionIds);
        return reviews.stream().collect(Collectors.toMap(r -> r.decisionId, Function.identity()));
    }
}
