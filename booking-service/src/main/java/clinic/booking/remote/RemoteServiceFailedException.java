package clinic.booking.remote;

/** Another service failed to answer (server error); counted by the circuit breaker. */
public class RemoteServiceFailedException extends RuntimeException {

    public RemoteServiceFailedException(String message) {
        super(message);
    }
}
