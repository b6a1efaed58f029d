package clinic.booking.support;

import clinic.local.infra.test.KafkaTestResource;
import clinic.local.infra.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The servers every booking test runs against: real PostgreSQL and Kafka, and the screening and
 * content stubs.
 * Declared once here; Quarkus applies them to every test in the module.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "booking"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(ScreeningStub.class)
@QuarkusTestResource(ContentStub.class)
public final class TestInfrastructure {

    private TestInfrastructure() {
    }
}
