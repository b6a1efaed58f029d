package clinic.screening.api;

/** The role names the identity provider (or the demo users) grant. */
public final class Roles {

    public static final String FRONT_DESK = "front-desk";
    public static final String CLINICIAN = "clinician";
    public static final String ADMIN = "admin";

    private Roles() {
    }
}
