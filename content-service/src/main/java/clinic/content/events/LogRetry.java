package clinic.content.events;

import jakarta.enterprise.context.Dependent;

import org.eclipse.microprofile.faulttolerance.ExecutionContext;

import io.quarkus.logging.Log;
import io.smallrye.faulttolerance.api.BeforeRetryHandler;

/** Says that an event is being retried and why, by exception class only (messages may quote data). */
@Dependent
public class LogRetry implements BeforeRetryHandler {

    @Override
    public void handle(ExecutionContext context) {
        StringBuilder chain = new StringBuilder();
        for (Throwable t = context.getFailure(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            chain.append(chain.isEmpty() ? "" : " <- ").append(t.getClass().getSimpleName());
        }
        Log.warnf("Applying an event failed (%s); retrying, the partition waits", chain);
    }
}
