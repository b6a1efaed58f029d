package clinic.screening.api;

/** The role names the identity provider (or the demo users) grant. */
public final class Roles {

    public static final String FRONT_DESK = "front-desk";
    public static final String CLINICIAN = "clinician";
    public static final String ADMIN = "admin";
    /** Another service acting on its own (booking re-screening appointments), never a person. */
    public static final String SERVICE = "service";

    private Roles() {
    }
}
