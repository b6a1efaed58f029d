package clinic.content.events;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;

import clinic.content.service.PatientRecords;
import io.smallrye.common.annotation.Blocking;

/**
 * Consumes clinic.patients.v1 as {@link AppointmentEventConsumer} consumes appointments: a payload
 * that is not a patient event is nacked to the dead-letter topic, every other failure is retried in
 * place ({@link EventIngest}), one record at a time so a patient's events keep their order.
 */
@ApplicationScoped
public class PatientEventConsumer implements ContentDeadLetterHandler {

    /** The incoming channel ({@code mp.messaging.incoming.patients.*}). */
    public static final String CHANNEL = "patients";

    private final PatientEventParser parser;
    private final EventIngest ingest;
    private final PatientRecords records;

    public PatientEventConsumer(PatientEventParser parser, EventIngest ingest, PatientRecords records) {
        this.parser = parser;
        this.ingest = ingest;
        this.records = records;
    }

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
        records.apply(parser.parse(payload));
    }
}
