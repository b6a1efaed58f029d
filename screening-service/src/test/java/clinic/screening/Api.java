package clinic.screening;

import static io.restassured.RestAssured.given;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;

/** Request builders for the API tests: the demo users and the common bodies. */
public final class Api {

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON).accept(ContentType.JSON);
    }

    public static RequestSpecification frontDesk() {
        return as("frontdesk");
    }

    public static RequestSpecification clinician() {
        return as("clinician");
    }

    public static RequestSpecification admin() {
        return as("admin");
    }

    /** An intake with every answer "no". */
    public static Map<String, Object> healthyIntake(LocalDate completedOn) {
        Map<String, Object> intake = new LinkedHashMap<>();
        intake.put("isotretinoin", "NEVER");
        intake.put("isotretinoinLastDose", null);
        intake.put("bloodThinners", false);
        intake.put("keloidOrHypertrophicScarring", false);
        intake.put("activeInfectionOrInflammation", false);
        intake.put("activeAcne", false);
        intake.put("autoimmuneCondition", false);
        intake.put("completedOn", completedOn.toString());
        return intake;
    }

    public static ValidatableResponse putIntake(UUID patientId, Map<String, Object> intake) {
        return frontDesk().body(intake).when().put("/api/intakes/" + patientId).then();
    }

    /** A patient with a healthy intake completed on the (test clock's) default day. */
    public static UUID patientWithHealthyIntake() {
        UUID patient = UUID.randomUUID();
        putIntake(patient, healthyIntake(AdjustableClock.DEFAULT_TODAY)).statusCode(200);
        return patient;
    }

    public static Map<String, Object> other(String procedure, String start, String status) {
        Map<String, Object> other = new LinkedHashMap<>();
        other.put("appointmentId", UUID.randomUUID().toString());
        other.put("procedure", procedure);
        other.put("start", start);
        other.put("status", status);
        return other;
    }

    public static Map<String, Object> screening(UUID patientId, String procedure, String start, List<Map<String, Object>> others) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("patientId", patientId.toString());
        request.put("appointmentId", null);
        request.put("procedure", procedure);
        request.put("start", start);
        request.put("otherAppointments", new ArrayList<>(others));
        return request;
    }

    public static ValidatableResponse screen(RequestSpecification as, Map<String, Object> request) {
        return as.body(request).when().post("/api/screenings").then();
    }

    /** A decision as clinicians read it: rule ids, evidence and clinical detail. */
    public static ValidatableResponse detail(String decisionId) {
        return clinician().when().get("/api/screenings/" + decisionId).then().statusCode(200);
    }
}
