package clinic.local.stack.ui;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WindowType;

import clinic.local.stack.ClinicStack;
import clinic.local.stack.IntakeAnswers;
import clinic.local.stack.ScratchDirectory;
import clinic.local.stack.StackSettings;
import clinic.local.stack.StackSettings.Identity;
import io.restassured.http.ContentType;

/**
 * The clinic as production runs it, with a real identity provider: the local stack with Keycloak
 * (CLINIC_IDENTITY=keycloak). The front desk's screen offers no password form, only the way to the
 * provider; the user signs in on Keycloak's own login page, comes back signed in with the role from
 * the token, books an appointment (booking forwards the session's access token to screening) and
 * signs out at the provider. API clients keep bearer tokens. Prints how long the stack took to
 * start and the test took in all. Opt-in (e2e.keycloak), for its three minutes.
 */
class KeycloakSignInUiTest {

    private static final ZoneId CLINIC_ZONE = ZoneId.of("Europe/Warsaw");
    private static final Instant BEGAN = Instant.now();
    private static ClinicStack stack;
    private static ScratchDirectory dataDir;

    @BeforeAll
    static void startTheClinicWithKeycloak() throws Exception {
        Assumptions.assumeTrue(Boolean.getBoolean("e2e.keycloak"), "Keycloak end-to-end test skipped: it takes about "
                + "three minutes; run it with -De2e.keycloak=true (deploy/local/stack/pom.xml)");
        Browser.assumeInstalled();
        Path home = Path.of(System.getProperty("clinic.home", "../../.."));
        dataDir = ScratchDirectory.create("clinic-keycloak-ui");
        stack = ClinicStack.start(StackSettings.onFreePorts(home, dataDir.path()).withIdentity(Identity.KEYCLOAK));
        System.out.println("clinic with Keycloak started in " + Duration.between(BEGAN, Instant.now()).toSeconds() + " s");
    }

    @AfterAll
    static void stopTheClinic() throws Exception {
        if (stack != null) {
            stack.close();
            dataDir.close();
            System.out.println("Keycloak sign-in test took " + Duration.between(BEGAN, Instant.now()).toSeconds()
                    + " s in all, the stack's start included");
        }
    }

    @Test
    void theFrontDeskSignsInOnKeycloaksPageBooksAndSignsOutAtTheProvider() throws Exception {
        StackSettings s = stack.settings();
        String patient = patientWithCleanIntake();
        try (Browser browser = Browser.open(s.bookingUrl(), 1024, 768)) {
            // signed out, the desk opened a screen: after the provider's page it is back on that screen
            browser.go("#/patients/new");
            browser.visible(By.id("signin-provider"));
            assertTrue(browser.driver.findElements(By.id("signin-form")).isEmpty(), "no password form on the front desk's page");
            assertFalse(browser.driver.getPageSource().contains("Demo users"), "the demo users are never offered");
            browser.screenshot("kc-01-sign-in");

            browser.click(By.id("signin-provider"));
            browser.wait.until(d -> d.getCurrentUrl().startsWith(s.keycloakRealmUrl()));
            browser.type(By.id("username"), "frontdesk");
            browser.type(By.id("password"), "frontdesk");
            browser.screenshot("kc-02-keycloak-login-page");
            browser.click(By.id("kc-login"));

            browser.textAppears(By.id("session-user"), "Signed in as frontdesk (front-desk)");
            assertTrue(browser.driver.getCurrentUrl().startsWith(s.bookingUrl()), browser.driver.getCurrentUrl());
            browser.textAppears(By.cssSelector("main h1"), "New patient");
            assertTrue(browser.driver.getCurrentUrl().endsWith("#/patients/new"), browser.driver.getCurrentUrl());
            browser.screenshot("kc-03-signed-in");

            // booking asks the real screening-service with the session's access token
            browser.go("#/book?patientId=" + patient + "&procedure=MICRONEEDLING&from="
                    + LocalDate.now(CLINIC_ZONE).plusDays(7));
            browser.click(By.id("find-slots"));
            browser.slotsLoaded();
            browser.click(By.cssSelector("#slot-times button"));
            browser.click(By.id("book-slot"));
            browser.textAppears(By.id("booking-outcome"), "Booked and confirmed");
            browser.screenshot("kc-04-booked");

            // a second tab of the same session: signing out in the first signs it out too, patient data off its screen
            String first = browser.driver.getWindowHandle();
            browser.driver.switchTo().newWindow(WindowType.TAB);
            String second = browser.driver.getWindowHandle();
            browser.driver.get(s.bookingUrl() + "/#/arrivals");
            browser.textAppears(By.id("session-user"), "Signed in as frontdesk");
            browser.driver.switchTo().window(first);

            browser.click(By.id("sign-out"));
            browser.visible(By.id("signin-provider"));
            assertTrue(browser.driver.getCurrentUrl().startsWith(s.bookingUrl()), "back at the front desk after signing out");
            assertFalse(browser.driver.getCurrentUrl().contains("?"), "no provider parameters left in the address: "
                    + browser.driver.getCurrentUrl());
            browser.driver.switchTo().window(second);
            browser.visible(By.id("signin-provider"));
            browser.textAppears(By.id("flash"), "You signed out in another tab");
            browser.screenshot("kc-05-second-tab-signed-out");
            browser.driver.close();
            browser.driver.switchTo().window(first);
            browser.go("#/calendar");
            browser.visible(By.id("signin-provider"));
            List<String> errors = browser.javascriptErrors();
            assertTrue(errors.isEmpty(), "JavaScript errors: " + errors);
        }
    }

    @Test
    void apiClientsUseBearerTokensFromTheProviderAndRolesComeFromTheToken() {
        StackSettings s = stack.settings();
        String token = given().formParams(Map.of("grant_type", "password", "client_id", "clinic-cli", "username", "admin",
                "password", "admin")).post(s.keycloakRealmUrl() + "/protocol/openid-connect/token").then().statusCode(200)
                .extract().path("access_token");
        given().baseUri(s.bookingUrl()).auth().oauth2(token).get("/api/me").then().statusCode(200)
                .body("name", org.hamcrest.Matchers.equalTo("admin"))
                .body("roles", org.hamcrest.Matchers.equalTo(List.of("admin")));
        // the admin's token reaches screening's policy through booking; the front desk's may not change it
        given().baseUri(s.bookingUrl()).auth().oauth2(token).get("/api/policy").then().statusCode(200);
        String frontDesk = given().formParams(Map.of("grant_type", "password", "client_id", "clinic-cli", "username",
                "frontdesk", "password", "frontdesk")).post(s.keycloakRealmUrl() + "/protocol/openid-connect/token").then()
                .statusCode(200).extract().path("access_token");
        given().baseUri(s.bookingUrl()).auth().oauth2(frontDesk).contentType(ContentType.JSON).body("{}").put("/api/policy")
                .then().statusCode(403);
        given().baseUri(s.bookingUrl()).auth().oauth2("not-a-token").get("/api/me").then().statusCode(401);
        assertEquals("identity-provider", given().baseUri(s.bookingUrl()).get("/api/sign-in-options").then().statusCode(200)
                .extract().path("method"));
    }

    /** Registered with the demo users' Basic credentials, which API clients may still use in the local stack. */
    private static String patientWithCleanIntake() {
        String base = stack.settings().bookingUrl();
        String patient = given().baseUri(base).auth().preemptive().basic("frontdesk", "frontdesk").contentType(ContentType.JSON)
                .body(Map.of("firstName", "Kinga", "lastName", "Keycloak", "email", "kc-" + UUID.randomUUID().toString()
                        .substring(0, 8) + "@example.com", "dateOfBirth", "1990-06-01"))
                .post("/api/patients").then().statusCode(201).extract().path("id");
        given().baseUri(base).auth().preemptive().basic("frontdesk", "frontdesk").contentType(ContentType.JSON)
                .body(IntakeAnswers.clean())
                .put("/api/patients/" + patient + "/intake").then().statusCode(200);
        return patient;
    }
}
