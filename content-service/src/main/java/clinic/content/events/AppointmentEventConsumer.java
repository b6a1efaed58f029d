package clinic.content.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import clinic.content.service.EventService;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes clinic.appointments.v1. A payload that is not an event, or an event that can never be
 * applied, throws: the message is nacked and the Kafka connector's dead-letter-queue strategy
 * forwards it to clinic.appointments.v1.dlq, then the partition moves on. Every other failure is
 * retried in place until it passes ({@link EventIngest}).
 */
@ApplicationScoped
public class AppointmentEventConsumer implements ContentDeadLetterHandler {

    /** The incoming channel ({@code mp.messaging.incoming.appointments.*}). */
    public static final String CHANNEL = "appointments";

    private final EventParser parser;
    private final EventIngest ingest;
    private final EventService events;

    public AppointmentEventConsumer(EventParser parser, EventIngest ingest, EventService events) {
        this.parser = parser;
        this.ingest = ingest;
        this.events = events;
    }

    // @Blocking keeps order (one record at a time per channel) and runs on a worker thread,
    // since applying an event is a JDBC transaction.
    @Incoming(CHANNEL)
    @Blocking
    public void consume(String payload) {
        ingest.apply(parser.parse(payload));
    }

    @Override
    public String channel() {
        return CHANNEL;
    }

    /** A dead letter's replay: applied once, as {@link #consume} does, without its retries. */
    @Override
    public void apply(String payload) {
        events.apply(parser.parse(payload));
    }
}
