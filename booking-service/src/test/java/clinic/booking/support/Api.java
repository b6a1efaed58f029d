package clinic.booking.support;

import static io.restassured.RestAssured.given;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/** Small helpers for driving booking's API as the demo users. */
public final class Api {

    public static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Warsaw");
    /** Demo practitioner Anna works Monday to Friday 09:00-17:00 (break 13:00-13:30). */
    public static final String ANNA = "00000000-0000-4000-8000-00000000b001";
    /** Demo practitioner Ewa works Tuesday to Saturday 10:00-18:00 (break 14:00-14:30). */
    public static final String EWA = "00000000-0000-4000-8000-00000000b002";
    public static final String ROOM_1 = "00000000-0000-4000-8000-00000000a001";
    public static final String ROOM_2 = "00000000-0000-4000-8000-00000000a002";

    private static final AtomicInteger WEEKS_USED = new AtomicInteger();

    private Api() {
    }

    public static RequestSpecification as(String user) {
        return given().auth().preemptive().basic(user, user).contentType(ContentType.JSON);
    }

    /** The Authorization header value of a demo user (whose password is the user name). */
    public static String basic(String user) {
        return "Basic " + java.util.Base64.getEncoder().encodeToString((user + ":" + user).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public static String newPatient() {
        return as("frontdesk").body(Map.of("firstName", "Test", "lastName", "Patient" + UUID.randomUUID().toString().substring(0, 8),
                "email", "p" + UUID.randomUUID().toString().substring(0, 8) + "@example.com", "dateOfBirth", "1990-04-02"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
    }

    /**
     * A Tuesday far enough in the future that no other test uses its week: tests share one
     * database, so each takes a week of its own.
     */
    public static LocalDate freshTuesday() {
        return LocalDate.now(CLINIC_ZONE).plusYears(1).with(TemporalAdjusters.next(DayOfWeek.TUESDAY))
                .plusWeeks(WEEKS_USED.getAndIncrement() * 3L);
    }

    public static String at(LocalDate date, int hour, int minute) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(ZonedDateTime.of(date, LocalTime.of(hour, minute), CLINIC_ZONE));
    }

    /** An intake with every answer "no", completed today. */
    public static Map<String, Object> cleanIntake() {
        Map<String, Object> intake = new java.util.LinkedHashMap<>();
        intake.put("isotretinoin", "NEVER");
        intake.put("bloodThinners", false);
        intake.put("keloidOrHypertrophicScarring", false);
        intake.put("activeInfectionOrInflammation", false);
        intake.put("activeAcne", false);
        intake.put("autoimmuneCondition", false);
        intake.put("completedOn", LocalDate.now(CLINIC_ZONE).toString());
        return intake;
    }

    public static Map<String, Object> booking(String patientId, String procedure, String start) {
        return Map.of("patientId", patientId, "procedure", procedure, "start", start);
    }

    /** A day as booking's sentences for the desk write it, spelled out here rather than through the formatter under test. */
    public static String deskDay(java.time.LocalDate day) {
        return day.getDayOfWeek().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH) + ", "
                + day.getDayOfMonth() + " " + day.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, java.util.Locale.ENGLISH)
                + " " + day.getYear();
    }
}
