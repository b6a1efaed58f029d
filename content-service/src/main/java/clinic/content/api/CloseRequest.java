package clinic.content.api;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Why staff close a failed message by hand (for example "phoned the patient, told them the new time"). */
public record CloseRequest(@NotBlank @Size(max = 500) String note) {
}
