package clinic.booking.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import clinic.web.Problem;
import clinic.web.ProblemException;
import io.quarkus.narayana.jta.QuarkusTransaction;

/**
 * Makes a POST safe to retry: with an {@code Idempotency-Key} header, the first answer is stored
 * and a retry with the same key (from the same user) gets that answer again without running the
 * request twice. Answers that may change on retry (server errors, 503 while screening is down) are
 * not kept, so the retry really runs again.
 */
@ApplicationScoped
public class IdempotencyService {

    @Inject
    EntityManager em;

    @Inject
    ObjectMapper json;

    @Inject
    Clock clock;

    public Response run(String key, String principal, String operation, Object request, Supplier<Response> action) {
        if (key == null || key.isBlank()) {
            return action.get();
        }
        if (key.length() > 200) {
            throw ProblemException.badRequest("Idempotency-Key", "must be at most 200 characters");
        }
        String hash = fingerprint(operation, request);
        Response earlier = QuarkusTransaction.requiringNew().call(() -> claimOrReplay(principal, key, hash));
        if (earlier != null) {
            return earlier;
        }
        try {
            Response response = action.get();
            remember(principal, key, response.getStatus(), body(response.getEntity()), response.getHeaderString("Location"));
            return response;
        } catch (ProblemException refused) {
            if (refused.problem().status() < 500) {
                remember(principal, key, refused.problem().status(), body(refused.problem()), null);
            } else {
                forget(principal, key);
            }
            throw refused;
        } catch (RuntimeException failed) {
            forget(principal, key);
            throw failed;
        }
    }

    private Response claimOrReplay(String principal, String key, String hash) {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT request_hash, response_status, response_body, response_location FROM idempotent_request
                WHERE principal = ?1 AND idempotency_key = ?2 FOR UPDATE""")
                .setParameter(1, principal).setParameter(2, key)
                .getResultStream().findFirst().orElse(null);
        if (row == null) {
            int inserted = em.createNativeQuery("""
                    INSERT INTO idempotent_request (principal, idempotency_key, request_hash, created_at)
                    VALUES (?1, ?2, ?3, ?4) ON CONFLICT DO NOTHING""")
                    .setParameter(1, principal).setParameter(2, key).setParameter(3, hash).setParameter(4, clock.instant())
                    .executeUpdate();
            if (inserted == 1) {
                return null;
            }
            throw inProgress();
        }
        if (!hash.equals(row[0])) {
            throw new ProblemException(Problem.of(422, "idempotency-key-reused", "Idempotency key reused",
                    "This Idempotency-Key was already used for a different request."));
        }
        if (row[1] == null) {
            throw inProgress();
        }
        int status = ((Number) row[1]).intValue();
        String type = status >= 400 ? Problem.MEDIA_TYPE : MediaType.APPLICATION_JSON;
        Response.ResponseBuilder replay = Response.status(status).entity(row[2]).type(type).header("Idempotent-Replayed", "true");
        if (row[3] != null) {
            replay.header("Location", row[3]);
        }
        return replay.build();
    }

    private void remember(String principal, String key, int status, String body, String location) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery("""
                UPDATE idempotent_request SET response_status = ?3, response_body = ?4, response_location = ?5
                WHERE principal = ?1 AND idempotency_key = ?2""")
                .setParameter(1, principal).setParameter(2, key).setParameter(3, status)
                .setParameter(4, body).setParameter(5, location).executeUpdate());
    }

    private void forget(String principal, String key) {
        QuarkusTransaction.requiringNew().run(() -> em.createNativeQuery(
                "DELETE FROM idempotent_request WHERE principal = ?1 AND idempotency_key = ?2")
                .setParameter(1, principal).setParameter(2, key).executeUpdate());
    }

    private static ProblemException inProgress() {
        return ProblemException.conflict("request-in-progress", "Same request in progress",
                "A request with this Idempotency-Key is still being processed; retry in a moment.");
    }

    private String fingerprint(String operation, Object request) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest((operation + "\n" + json.writeValueAsString(request)).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String body(Object entity) {
        try {
            return entity == null ? null : json.writeValueAsString(entity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
