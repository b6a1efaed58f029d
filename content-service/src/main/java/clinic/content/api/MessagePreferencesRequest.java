package clinic.content.api;

import jakarta.validation.constraints.NotNull;

/** Staff set a patient's choice on the patient's word: true starts non-essential messages again. */
public record MessagePreferencesRequest(@NotNull Boolean nonEssential) {
}
