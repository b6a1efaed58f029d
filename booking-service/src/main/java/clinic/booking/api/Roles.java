package clinic.booking.api;

/** The roles a clinic's users hold (realm roles in production tokens, demo users locally). */
public final class Roles {

    public static final String FRONT_DESK = "front-desk";
    public static final String CLINICIAN = "clinician";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
