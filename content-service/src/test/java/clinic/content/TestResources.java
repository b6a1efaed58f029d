package clinic.content;

import clinic.local.infra.test.KafkaTestResource;
import clinic.local.infra.test.PostgresTestResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.ResourceArg;

/**
 * The real servers every test of this module runs against (Quarkus applies these to all tests, so
 * the application starts once): PostgreSQL database "content", Kafka, and the GreenMail SMTP sink
 * behind a gate the tests can close to simulate an SMTP outage.
 */
@QuarkusTestResource(value = PostgresTestResource.class, initArgs = @ResourceArg(name = "database", value = "content"))
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GatedSmtpTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
