package clinic.booking.admin;

import static clinic.booking.remote.RemoteService.SCREENING;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import com.fasterxml.jackson.databind.JsonNode;

/** The admin's calls to screening (policy and audit), answered as {@link clinic.booking.remote.RemoteService} says. */
@ApplicationScoped
public class AdminClients {

    @Inject
    @RestClient
    ScreeningAdminApi screening;

    public JsonNode policy() {
        return SCREENING.call("read the policy", screening::policy);
    }

    public JsonNode changePolicy(JsonNode policy) {
        return SCREENING.call("change the policy", () -> screening.changePolicy(policy));
    }

    public JsonNode policyVersions() {
        return SCREENING.call("read the policy versions", screening::policyVersions);
    }

    public JsonNode screeningAudit(UUID patientId) {
        return SCREENING.call("read a screening audit", () -> screening.screeningAudit(patientId));
    }
}
