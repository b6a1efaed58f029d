package clinic.booking.screening;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import clinic.booking.domain.AppointmentStatus;
import clinic.booking.domain.ProcedureCode;

/**
 * What booking sends screening is what screening accepts, read from screening's committed OpenAPI
 * document (ServedDocumentsTest holds it equal to what screening serves): every status and procedure
 * a patient's other appointments can have. Booking's tests answer with a stub, so a value screening
 * refuses would otherwise show only on a real stack, as a re-screen refused with 400 again and again
 * (an appointment on hold stopped every re-screen of the patient's other appointments).
 */
class ScreeningContractTest {

    private static final Path SCREENING_API = Path.of("../docs/openapi/screening-service.yaml");

    @Test
    void screeningAcceptsEveryStatusOfAPatientsOtherAppointments() throws IOException {
        assertAccepts("AppointmentStatus", Arrays.stream(AppointmentStatus.values()).map(Enum::name).toList());
    }

    @Test
    void screeningAcceptsEveryProcedureBookingOffers() throws IOException {
        assertAccepts("Procedure", Arrays.stream(ProcedureCode.values()).map(Enum::name).toList());
    }

    private static void assertAccepts(String schema, List<String> sent) throws IOException {
        JsonNode values = new ObjectMapper(new YAMLFactory()).readTree(SCREENING_API.toFile())
                .at("/components/schemas/" + schema + "/enum");
        Set<String> accepted = new TreeSet<>();
        values.forEach(value -> accepted.add(value.asText()));
        assertTrue(accepted.containsAll(sent), "booking sends " + sent + "; screening's " + schema + " accepts " + accepted);
    }
}
