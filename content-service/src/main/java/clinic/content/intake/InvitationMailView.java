package clinic.content.intake;

/** What the intake link e-mail's templates show: the patient's first name, the link, until when it works, the clinic. */
public record InvitationMailView(String firstName, String link, String expiresAt, String clinicName, String clinicAddress,
        String clinicPhone) {
}
