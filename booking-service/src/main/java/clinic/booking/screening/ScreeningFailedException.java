package clinic.booking.screening;

/** screening-service failed to answer (server error); counted by the circuit breaker. */
public class ScreeningFailedException extends RuntimeException {

    public ScreeningFailedException(String message) {
        super(message);
    }
}
