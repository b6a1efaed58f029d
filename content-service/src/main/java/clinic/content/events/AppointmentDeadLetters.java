package clinic.content.events;

import jakarta.enterprise.context.ApplicationScoped;

import clinic.content.service.EventService;

/** Replays a dead letter of clinic.appointments.v1 as {@link AppointmentEventConsumer} would apply it, once. */
@ApplicationScoped
public class AppointmentDeadLetters extends DeadLetterReplay {

    private final EventParser parser;
    private final EventService events;

    public AppointmentDeadLetters(EventParser parser, EventService events) {
        this.parser = parser;
        this.events = events;
    }

    @Override
    public String channel() {
        return AppointmentEventConsumer.CHANNEL;
    }

    @Override
    public void apply(String payload) {
        events.apply(parser.parse(payload));
    }
}
