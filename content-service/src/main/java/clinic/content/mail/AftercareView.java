package clinic.content.mail;

import java.util.List;

/**
 * One aftercare step as the email shows it. {@code optOutUrl} is null for essential messages,
 * which cannot be opted out of.
 */
public record AftercareView(String firstName, String procedureName, String title, List<String> whatIsNormal,
        List<String> advice, List<String> redFlags, String optOutUrl) {
}
