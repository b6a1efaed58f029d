package clinic.web.tx;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Runs an action once the current transaction has committed, never after a rollback: how a service
 * wakes a worker (the outbox relay, the dispatcher, the re-screen worker) for work the transaction
 * made, so the worker finds it committed. Must be called inside a transaction.
 */
public final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Registers {@code action}. Calls with an equal {@code onceKey} in one transaction register it once
     * (many events, one wake-up).
     */
    public static void run(TransactionSynchronizationRegistry transactions, Object onceKey, Runnable action) {
        if (transactions.getResource(onceKey) != null) {
            return;
        }
        transactions.putResource(onceKey, Boolean.TRUE);
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // nothing to add to the transaction
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    action.run();
                }
            }
        });
    }
}
