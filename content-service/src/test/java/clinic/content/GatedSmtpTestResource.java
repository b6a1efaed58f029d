package clinic.content;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Points the mailer at the {@link SmtpGate} in front of the real GreenMail sink. */
public class GatedSmtpTestResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        return Map.of(
                "quarkus.mailer.host", "127.0.0.1",
                "quarkus.mailer.port", Integer.toString(SmtpGate.get().port()),
                "quarkus.mailer.mock", "false");
    }

    @Override
    public void stop() {
        // the gate and the sink live as long as the test JVM
    }
}
