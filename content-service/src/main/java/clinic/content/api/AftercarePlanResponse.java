package clinic.content.api;

import java.util.List;
import java.util.Map;

/** An aftercare plan for the front desk to print: the steps and their words, the red flags, the clinic's contact. */
public record AftercarePlanResponse(String procedure, String procedureName, String anchor, List<Step> steps,
        List<String> redFlags, Contact contact, Map<String, String> references) {

    /** One step: offset from completion (ISO-8601), what is normal, advice, and the references by key. */
    public record Step(String step, String offset, boolean essential, String title, List<String> whatIsNormal,
            List<String> advice, List<String> redFlags, List<String> references) {
    }

    /** How to reach the clinic when a red flag appears. */
    public record Contact(String name, String phone, String address) {
    }
}
