package clinic.content.mail;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.ClinicConfig;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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
     * Every send starts on a Vert.x event loop, never on the calling thread.
     *
     * The mail client (keep-alive off: a new connection per message) takes a connection from its
     * pool, connects, and only then installs the socket's reader for the server's replies. Begun on
     * any other thread, the pool can finish the hand-over on that thread, and the reader is then
     * installed one task later on the event loop. A server that greets at once ("220 ...") can have
     * its greeting read in between, and Vert.x discards bytes that arrive on a socket without a
     * reader: the client waits for a greeting that already came and the server waits for EHLO,
     * until the send times out (or, when only the first bytes were lost, the client rejects a
     * truncated greeting). It depends on how threads are scheduled, so it showed up now and then
     * under load. Begun on the event loop, connecting, hand-over and installing the reader all
     * happen on that loop before it reads anything from the socket.
     *
     * It must not start on the dispatcher's own (scheduler worker) context either: the client's
     * callbacks would queue behind the job that is blocked waiting for them.
     */
    private final Context sendContext;
    private final Executor onEventLoop;

    public MailGateway(ReactiveMailer mailer, ClinicConfig clinic, Vertx vertx) {
        this.mailer = mailer;
        this.clinic = clinic;
        this.sendContext = newEventLoopContext(vertx);
        this.onEventLoop = task -> sendContext.runOnContext(ignored -> task.run());
    }

    /**
     * A new event-loop context of its own. {@code getOrCreateContext()} creates one only when
     * asked from a thread that has no Vert.x context; this bean may be created on a worker that
     * has one, so the question is asked from a short-lived thread.
     */
    static Context newEventLoopContext(Vertx vertx) {
        CompletableFuture<Context> created = new CompletableFuture<>();
        Thread asker = new Thread(() -> {
            try {
                created.complete(vertx.getOrCreateContext());
            } catch (RuntimeException e) {
                created.completeExceptionally(e);
            }
        }, "smtp-context-init");
        asker.setDaemon(true);
        asker.start();
        Context context = created.join();
        if (!context.isEventLoopContext()) {
            throw new IllegalStateException("expected an event-loop context for sending mail, got " + context);
        }
        return context;
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
            mailer.send(mail).runSubscriptionOn(onEventLoop).await().atMost(timeout);
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
