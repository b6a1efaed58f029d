package clinic.booking.screening;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The intake and policy versions a decision for this patient would rest on now, as screening answers. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DecisionInputs(UUID patientId, int intakeVersion, int policyVersion) {
}
