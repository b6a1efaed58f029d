package clinic.booking;

import static clinic.booking.support.Api.as;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import clinic.booking.support.Race;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/**
 * One person, one record: screening's interval rules count one patient's appointments, so a second
 * record for the same person would let a treatment through that the first record's history forbids.
 */
@QuarkusTest
class DuplicatePatientTest {

    @Test
    void aSecondRecordForThePersonIsRefusedUnlessTheDeskHasCheckedItIsSomeoneElse() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String email = "zofia-" + tag + "@example.com";
        String first = register("Zofia", "Wisniewska" + tag, email, "1988-03-12", false).statusCode(201).extract().path("id");

        register("WISNIEWSKA" + tag, "zofia", "other-" + tag + "@example.com", "1988-03-12", false).statusCode(409)
                .body("type", equalTo("urn:clinic:problem:possible-duplicate-patient"))
                .body("likelySame.id", hasItem(first))
                .body("likelySame[0].dateOfBirth", equalTo("1988-03-12"));
        register("Zosia", "Wisniewska-Nowak" + tag, email.toUpperCase(), "1988-03-12", false).statusCode(409)
                .body("likelySame.id", hasItem(first));

        register("Zofia", "Wisniewska" + tag, "third-" + tag + "@example.com", "1990-01-01", false).statusCode(201);
        register("Zofia", "Wisniewska" + tag, "fourth-" + tag + "@example.com", "1988-03-12", true).statusCode(201);
    }

    @Test
    void accentsDoNotMakeAnotherName() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String first = register("Zofia", "Wiśniewska" + tag, "zw-" + tag + "@example.com", "1979-05-05", false).statusCode(201)
                .extract().path("id");

        register("ZOFIA", "Wisniewska" + tag, "zw-other-" + tag + "@example.com", "1979-05-05", false).statusCode(409)
                .body("likelySame.id", hasItem(first));
        as("frontdesk").queryParam("query", "wisniewska" + tag).get("/api/patients").then().statusCode(200)
                .body("id", hasItem(first));
        as("frontdesk").queryParam("query", "Żofia Wiśniewska" + tag).get("/api/patients").then().statusCode(200)
                .body("id", hasItem(first));
    }

    @Test
    void aCorrectionThatMakesARecordMatchAnotherIsRefusedUnlessTheDeskHasCheckedItIsSomeoneElse() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String kept = register("Irena", "Wojcik" + tag, "iw-" + tag + "@example.com", "1985-03-12", false).statusCode(201)
                .extract().path("id");
        String other = register("Irena", "Wojcik" + tag, "iw2-" + tag + "@example.com", "1985-03-13", false).statusCode(201)
                .extract().path("id");
        Map<String, Object> sameBirthday = Map.of("firstName", "Irena", "lastName", "Wojcik" + tag, "email", "iw2-" + tag
                + "@example.com", "dateOfBirth", "1985-03-12");

        as("frontdesk").body(sameBirthday).put("/api/patients/" + other).then().statusCode(409)
                .body("type", equalTo("urn:clinic:problem:possible-duplicate-patient"))
                .body("likelySame.id", hasItem(kept))
                .body("likelySame.id", org.hamcrest.Matchers.not(hasItem(other)));
        as("frontdesk").body(Map.of("firstName", "Irena", "lastName", "Wojcik" + tag, "email", "iw2-" + tag + "@example.com",
                "dateOfBirth", "1985-03-13", "phone", "+48 600 100 200")).put("/api/patients/" + other).then().statusCode(200);
        as("frontdesk").queryParam("differentPerson", true).body(sameBirthday).put("/api/patients/" + other).then().statusCode(200)
                .body("dateOfBirth", equalTo("1985-03-12"));
    }

    @Test
    void aSharedEmailIsAllowedAndTheAnswerNamesTheOtherRecordsWithIt() {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        String family = "family-" + tag + "@example.com";
        String mother = register("Hanna", "Lis" + tag, family, "1970-02-02", false).statusCode(201)
                .body("id", org.hamcrest.Matchers.notNullValue())
                .body("lastName", equalTo("Lis" + tag))
                .body("sharesEmailWith", org.hamcrest.Matchers.empty())
                .extract().path("id");
        String daughter = register("Julia", "Lis" + tag, family.toUpperCase(), "2001-06-06", false).statusCode(201)
                .body("sharesEmailWith.id", org.hamcrest.Matchers.contains(mother))
                .body("sharesEmailWith[0].firstName", equalTo("Hanna"))
                .body("sharesEmailWith[0].email", org.hamcrest.Matchers.nullValue())
                .extract().path("id");

        // the daughter's own address: no longer shared; the mother's record, corrected, names no one
        as("frontdesk").body(Map.of("firstName", "Julia", "lastName", "Lis" + tag, "email", "julia-" + tag + "@example.com",
                "dateOfBirth", "2001-06-06")).put("/api/patients/" + daughter).then().statusCode(200)
                .body("email", equalTo("julia-" + tag + "@example.com"))
                .body("sharesEmailWith", org.hamcrest.Matchers.empty());
        as("frontdesk").body(Map.of("firstName", "Hanna", "lastName", "Lis" + tag, "email", family, "dateOfBirth", "1970-02-02",
                "phone", "+48 600 700 800")).put("/api/patients/" + mother).then().statusCode(200)
                .body("sharesEmailWith", org.hamcrest.Matchers.empty());
        // and back to the family's inbox: the correction names the mother
        as("frontdesk").body(Map.of("firstName", "Julia", "lastName", "Lis" + tag, "email", family, "dateOfBirth", "2001-06-06"))
                .put("/api/patients/" + daughter).then().statusCode(200)
                .body("sharesEmailWith.id", org.hamcrest.Matchers.contains(mother));
    }

    @Test
    void oneOfManySimultaneousRegistrationsOfAPersonIsRegistered() throws Exception {
        String tag = UUID.randomUUID().toString().substring(0, 8);
        List<Integer> statuses = Race.run(IntStream.range(0, 12).mapToObj(i -> (Callable<Integer>) () -> register("Marta",
                "Zielinska" + tag, "mz" + i + "-" + tag + "@example.com", "1991-07-08", false).extract().statusCode()).toList());

        assertEquals(1, statuses.stream().filter(s -> s == 201).count(), "statuses: " + statuses);
        assertEquals(11, statuses.stream().filter(s -> s == 409).count(), "statuses: " + statuses);
    }

    private static ValidatableResponse register(String firstName, String lastName, String email, String dateOfBirth,
            boolean differentPerson) {
        var request = as("frontdesk").body(Map.of("firstName", firstName, "lastName", lastName, "email", email,
                "dateOfBirth", dateOfBirth));
        if (differentPerson) {
            request = request.queryParam("differentPerson", true);
        }
        return request.post("/api/patients").then();
    }
}
