package clinic.local.stack;

import clinic.local.stack.StackSettings.Identity;

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
        String signIn = s.identity() == Identity.KEYCLOAK
                ? """
                  SIGN-IN through Keycloak (CLINIC_IDENTITY=keycloak): the front desk's page sends you to
                  Keycloak's own login page, %s (admin console: http://localhost:%d/admin, admin / admin).
                  Users of realm clinic, password = user name:
                    frontdesk   role front-desk
                    clinician   role clinician
                    admin       role admin
                  API clients: a bearer token from the realm, or HTTP Basic with the same demo users.
                  """.formatted(s.keycloakRealmUrl(), s.keycloakPort())
                : """
                  DEMO USERS (local stack only; HTTP Basic, password = user name):
                    frontdesk / frontdesk   role front-desk
                    clinician / clinician   role clinician
                    admin     / admin       role admin
                  """;
        return """

                The clinic is running.
                  Front desk:          %s/
                  booking-service      :%d   screening-service :%d   content-service :%d
                  management (health, metrics, OpenAPI at /q/openapi):
                                       :%d                     :%d                   :%d
                  PostgreSQL :%d   Kafka :%d

                %s
                %s
                Ctrl-C stops everything.
                """.formatted(s.bookingUrl(), s.bookingPort(), s.screeningPort(), s.contentPort(),
                s.bookingManagementPort(), s.screeningManagementPort(), s.contentManagementPort(),
                s.postgresPort(), s.kafkaPort(), signIn, inbox);
    }
}
