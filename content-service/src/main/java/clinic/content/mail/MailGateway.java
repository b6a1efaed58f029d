package clinic.content.mail;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.ClinicConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.ext.mail.SMTPException;

/**
 * Hands one message to the SMTP server and says what we know afterwards. The distinction that
 * matters is between failures that prove nothing was delivered (no connection; the server refused
 * the message) and failures in mid-conversation, after which the message may have been accepted.
 */
@ApplicationScoped
public class MailGateway {

    /** What one attempt proved. */
    public enum Result {
        /** The server accepted the message. */
        SENT,
        /** Nothing was delivered, and trying again later may work (connection refused, 4xx reply). */
        NOT_DELIVERED_TRANSIENT,
        /** Nothing was delivered and the server will keep refusing (5xx reply). */
        REJECTED,
        /** The attempt broke off where the message may already have been accepted (timeout, reset). */
        UNKNOWN
    }

    /** An attempt's result, with a short description of the failure for staff (no message content). */
    public record Outcome(Result result, String error) {
    }

    /** What to send. {@code calendarMethod} is REQUEST or CANCEL when {@code calendar} is given. */
    public record Envelope(String recipient, String subject, String text, String html, String calendar,
            String calendarMethod, String messageId) {
    }

    private final ReactiveMailer mailer;
    private final ClinicConfig clinic;
    /*
     * Sends start on a thread of our own, without a Vert.x context. Started from the scheduler's
     * worker thread, the mail client would deliver its callbacks to that thread's context, which
     * is busy waiting for them: the send then stalls until the timeout (seen in tests, and the
     * message went out right after being marked UNCERTAIN).
     */
    private final ExecutorService sendStarter = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "smtp-send-starter");
        t.setDaemon(true);
        return t;
    });

    public MailGateway(ReactiveMailer mailer, ClinicConfig clinic) {
        this.mailer = mailer;
        this.clinic = clinic;
    }

    @PreDestroy
    void stop() {
        sendStarter.shutdownNow();
    }

    public Outcome send(Envelope envelope, Duration timeout) {
        Mail mail = Mail.withHtml(envelope.recipient(), envelope.subject(), envelope.html())
                .setText(envelope.text())
                .setFrom(clinic.name() + " <" + clinic.senderAddress() + ">")
                .addHeader("Message-ID", envelope.messageId());
        if (envelope.calendar() != null) {
            mail.addAttachment("appointment.ics", envelope.calendar().getBytes(StandardCharsets.UTF_8),
                    "text/calendar; charset=UTF-8; method=" + envelope.calendarMethod());
        }
        try {
            mailer.send(mail).runSubscriptionOn(sendStarter).await().atMost(timeout);
            return new Outcome(Result.SENT, null);
        } catch (RuntimeException e) {
            return classify(e);
        }
    }

    static Outcome classify(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SMTPException smtp) {
                // RFC 5321: a 4xx or 5xx reply, even to the final dot of DATA, means the server did
                // not take responsibility for the message.
                String error = "SMTP " + smtp.getReplyCode();
                return new Outcome(smtp.isPermanent() ? Result.REJECTED : Result.NOT_DELIVERED_TRANSIENT, error);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof NoRouteToHostException) {
                return new Outcome(Result.NOT_DELIVERED_TRANSIENT, t.getClass().getSimpleName());
            }
        }
        return new Outcome(Result.UNKNOWN, failure.getClass().getSimpleName());
    }
}
