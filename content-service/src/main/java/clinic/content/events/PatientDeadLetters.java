package clinic.content.events;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.service.PatientRecords;

/** Replays a dead letter of clinic.patients.v1 as {@link PatientEventConsumer} would apply it, once. */
@ApplicationScoped
public class PatientDeadLetters extends DeadLetterReplay {

    private final PatientEventParser parser;
    private final PatientRecords records;

    public PatientDeadLetters(PatientEventParser parser, PatientRecords records) {
        this.parser = parser;
        this.records = records;
    }

    @Override
    public String channel() {
        return PatientEventConsumer.CHANNEL;
    }

    @Override
    public void apply(String payload) {
        records.apply(parser.parse(payload));
    }
}
