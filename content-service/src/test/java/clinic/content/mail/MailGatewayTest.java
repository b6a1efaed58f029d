package clinic.content.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import clinic.content.Inbox;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Many sends in a row, each on a new connection and each started from a thread that is not
 * Vert.x's (as the dispatcher's are). When a send began off the event loop, the server's greeting
 * could arrive before the mail client was reading the socket and be lost: the send then hung until
 * its timeout, or failed on a truncated greeting. That depends on thread scheduling, so this test
 * catches a regression only with some probability per run (the more sends, the likelier); the
 * short timeout makes a hang fail here rather than pass slowly.
 */
@QuarkusTest
class MailGatewayTest {

    private static final int SENDS = 100;

    @Inject
    MailGateway gateway;

    @Test
    void everySendOnANewConnectionIsAcceptedWithoutWaitingForATimeout() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < SENDS; i++) {
            String recipient = "gateway-" + run + "-" + i + "@patients.example.com";
            MailGateway.Outcome outcome = gateway.send(new MailGateway.Envelope(recipient, "Gateway test " + i,
                    "text " + i, "<p>html " + i + "</p>", null, null, "<gateway-" + run + "-" + i + "@clinic.local>"),
                    Duration.ofSeconds(10));
            assertEquals(MailGateway.Result.SENT, outcome.result(), "send " + i + " failed: " + outcome.error());
            assertEquals(1, Inbox.of(recipient).size(), "send " + i + " reached the SMTP sink once");
        }
    }
}
