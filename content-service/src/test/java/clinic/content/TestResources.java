package clinic.content;

import clinic.local.infra.test.KafkaTestResource;
import io.quarkus.test.common.QuarkusTestResource;

/**
 * The real servers every test of this module runs against (Quarkus applies these to all tests, so
 * the application starts once): PostgreSQL database "content" and the GreenMail SMTP sink, each
 * behind a gate the tests can close to simulate an outage, and Kafka.
 */
@QuarkusTestResource(GatedPostgresTestResource.class)
@QuarkusTestResource(KafkaTestResource.class)
@QuarkusTestResource(GatedSmtpTestResource.class)
public final class TestResources {

    private TestResources() {
    }
}
