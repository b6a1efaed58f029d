package clinic.content.mail;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import clinic.content.Inbox;
import clinic.content.SmtpGate;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Sends over the mail client's pool of kept-alive connections, one after another and many at
 * once, each started from a thread that is not Vert.x's (as the dispatcher's are). When a send
 * began off the event loop, the server's greeting on a new connection could arrive before the
 * client was reading the socket and be lost: the send then hung until its timeout. That depends on
 * thread scheduling, so this test catches a regression only with some probability per run; the
 * short timeout makes a hang fail here rather than pass slowly.
 */
@QuarkusTest
class MailGatewayTest {

    private static final int SENDS = 100;
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    @Inject
    MailGateway gateway;

    @Test
    void everySendIsAcceptedOneAfterAnotherWithoutWaitingForATimeout() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < SENDS; i++) {
            String recipient = "gateway-" + run + "-" + i + "@patients.example.com";
            MailGateway.Outcome outcome = gateway.send(envelope(recipient, run, i), TIMEOUT).toCompletableFuture().join();
            assertEquals(MailGateway.Result.SENT, outcome.result(), "send " + i + " failed: " + outcome.error());
            assertEquals(1, Inbox.of(recipient).size(), "send " + i + " reached the SMTP sink once");
        }
    }

    @Test
    void manySendsAtOnceShareThePoolAndAreEachAcceptedOnce() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<CompletableFuture<MailGateway.Outcome>> sends = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            sends.add(gateway.send(envelope("burst-" + run + "@patients.example.com", run, i), TIMEOUT).toCompletableFuture());
        }
        for (int i = 0; i < SENDS; i++) {
            MailGateway.Outcome outcome = sends.get(i).join();
            assertEquals(MailGateway.Result.SENT, outcome.result(), "send " + i + " failed: " + outcome.error());
        }
        assertEquals(SENDS, Inbox.of("burst-" + run + "@patients.example.com").size());
    }

    @Test
    void aConnectionCutBeforeTheServersAnswerIsAnUnknownOutcomeThoughTheServerHasTheMessage() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String recipient = "cut-" + run + "@patients.example.com";
        SmtpGate.get().cutAfterNextMessageTo(recipient);
        MailGateway.Outcome outcome = gateway.send(envelope(recipient, run, 0), TIMEOUT).toCompletableFuture().join();
        assertEquals(MailGateway.Result.UNKNOWN, outcome.result(), String.valueOf(outcome.error()));
        assertEquals(1, Inbox.of(recipient).size(), "the server took it: a resend must carry the same Message-ID");
        // the pool recovers: the next send is accepted
        assertEquals(MailGateway.Result.SENT, gateway.send(envelope(recipient, run, 1), TIMEOUT).toCompletableFuture().join().result());
    }

    private static MailGateway.Envelope envelope(String recipient, String run, int i) {
        return new MailGateway.Envelope(recipient, "Gateway test " + i, "text " + i, "<p>html " + i + "</p>", null, null,
                "<gateway-" + run + "-" + i + "@clinic.local>", null);
    }
}
