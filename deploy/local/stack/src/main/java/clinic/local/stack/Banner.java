package clinic.local.stack;

/** What the run command prints once the clinic is up: where to go and how to sign in. */
final class Banner {

    private Banner() {
    }

    static String text(StackSettings s, boolean ownSmtpSink) {
        String inbox = ownSmtpSink
                ? """
                  Patient e-mails (SMTP sink): IMAP on localhost:%d, no TLS; log in with the
                    patient's e-mail address as both user name and password.
                  """.formatted(s.imapPort())
                : "Patient e-mails go to the SMTP server given in CLINIC_SMTP_HOST.\n";
        return """

                The clinic is running.
                  Front desk:          %s/
                  API documentation:   %s/q/swagger-ui  (OpenAPI at /q/openapi)
                  booking-service      :%d   screening-service :%d   content-service :%d
                  PostgreSQL :%d   Kafka :%d

                DEMO USERS (local stack only; HTTP Basic, password = user name):
                  frontdesk / frontdesk   role front-desk
                  clinician / clinician   role clinician
                  admin     / admin       role admin

                %s
                Ctrl-C stops everything.
                """.formatted(s.bookingUrl(), s.bookingUrl(), s.bookingPort(), s.screeningPort(), s.contentPort(),
                s.postgresPort(), s.kafkaPort(), inbox);
    }
}
