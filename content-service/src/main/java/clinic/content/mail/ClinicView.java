package clinic.content.mail;

/** The clinic as templates show it. */
public record ClinicView(String name, String address, String phone) {
}
