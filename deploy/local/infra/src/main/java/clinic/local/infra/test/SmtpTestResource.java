package clinic.local.infra.test;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points a service's mailer at the in-process SMTP sink for its tests. */
public class SmtpTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        var sink = TestServers.smtp();
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(sink.smtpPort()),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        // the sink lives as long as the test JVM (TestServers stops it)
    }
}
