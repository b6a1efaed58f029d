package clinic.content.mail;

import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.config.ClinicConfig;
import io.vertx.core.Context;
import io.vertx.core.MultiMap;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.mail.MailAttachment;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.MailMessage;
import io.vertx.ext.mail.SMTPException;

/**
 * Hands one message to the SMTP server, over the mail client's pool of kept-alive connections, and
 * says what we know afterwards. Delivery is at least once with a stable Message-ID, so the
 * distinction that matters is only whether the message may have been accepted: a failure that
 * proves nothing was delivered (no connection, a refusal) versus one in mid-conversation, after
 * which a resend may be a duplicate that the patient's mail client folds into one by Message-ID.
 *
 * <p>The Vert.x mail client is used directly rather than Quarkus's Mailer, because only it can
 * make the calendar an inline {@code text/calendar; method=...} part (Quarkus turns every inline
 * attachment into a related part of the HTML body).
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

    /**
     * What to send. {@code calendarMethod} is REQUEST or CANCEL when {@code calendar} is given;
     * {@code unsubscribeUrl} (non-essential messages only) becomes the RFC 8058 headers.
     */
    public record Envelope(String recipient, String subject, String text, String html, String calendar,
            String calendarMethod, String messageId, String unsubscribeUrl) {
    }

    private final MailClient client;
    private final ClinicConfig clinic;
    private final Vertx vertx;
    /*
     * Every send starts on a Vert.x event loop, never on the calling thread.
     *
     * The mail client takes a connection from its pool, connects when it has none to reuse, and
     * only then installs the socket's reader for the server's replies. Begun on any other thread,
     * the pool can finish the hand-over on that thread, and the reader is then installed one task
     * later on the event loop. A server that greets at once ("220 ...") can have its greeting read
     * in between, and Vert.x discards bytes that arrive on a socket without a reader: the client
     * waits for a greeting that already came and the server waits for EHLO, until the send times
     * out (or, when only the first bytes were lost, the client rejects a truncated greeting). It
     * depends on how threads are scheduled, so it showed up now and then under load. Begun on the
     * event loop, connecting, hand-over and installing the reader all happen on that loop before it
     * reads anything from the socket.
     *
     * It must not start on the dispatcher's own threads either: the client's callbacks would
     * queue behind work that waits for them.
     */
    private final Context sendContext;

    public MailGateway(MailClient client, ClinicConfig clinic, Vertx vertx) {
        this.client = client;
        this.clinic = clinic;
        this.vertx = vertx;
        this.sendContext = newEventLoopContext(vertx);
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

    /** Starts the send; completes (on an event loop) with what the attempt proved, at the latest after {@code timeout}. */
    public CompletionStage<Outcome> send(Envelope envelope, Duration timeout) {
        MailMessage message = message(envelope);
        CompletableFuture<Outcome> outcome = new CompletableFuture<>();
        sendContext.runOnContext(ignored -> {
            long timer = vertx.setTimer(Math.max(1, timeout.toMillis()),
                    fired -> outcome.complete(new Outcome(Result.UNKNOWN, "no answer within " + timeout)));
            client.sendMail(message).onComplete(done -> {
                vertx.cancelTimer(timer);
                outcome.complete(done.succeeded() ? new Outcome(Result.SENT, null) : classify(done.cause()));
            });
        });
        return outcome;
    }

    MailMessage message(Envelope envelope) {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap().add("Message-ID", envelope.messageId());
        if (envelope.unsubscribeUrl() != null) {
            // RFC 8058: a mail client may offer its own unsubscribe button that POSTs to this address
            headers.add("List-Unsubscribe", "<" + envelope.unsubscribeUrl() + ">");
            headers.add("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        MailMessage message = new MailMessage()
                .setFrom(clinic.name() + " <" + clinic.senderAddress() + ">")
                .setTo(envelope.recipient())
                .setSubject(envelope.subject())
                .setText(envelope.text())
                .setHtml(envelope.html())
                .setHeaders(headers);
        if (envelope.calendar() != null) {
            // inline and without a file name: mail clients show it as an invitation, not a file
            message.setAttachment(List.of(MailAttachment.create()
                    .setData(Buffer.buffer(envelope.calendar().getBytes(StandardCharsets.UTF_8)))
                    .setContentType("text/calendar; charset=UTF-8; method=" + envelope.calendarMethod())
                    .setDisposition("inline")));
        }
        return message;
    }

    public static Outcome classify(Throwable failure) {
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
