package clinic.outbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

import javax.sql.DataSource;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;

import clinic.web.tx.AfterCommit;

/**
 * Records events in the service's {@code outbox_event} table. Must run inside the transaction that
 * makes the change (MANDATORY): the change and its events commit or roll back together, and an
 * event never leaves before the change it announces is durable. After the commit the relay is
 * woken, so publishing does not wait for its next poll.
 */
@ApplicationScoped
public class Outbox {

    private static final String INSERT = """
            INSERT INTO outbox_event (event_id, topic, aggregate_id, event_type, payload, created_at)
            VALUES (?, ?, ?, ?, ?::jsonb, ?)""";
    private static final Object WAKE_AFTER_COMMIT = new Object();

    private final DataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final RelaySignal relay;

    public Outbox(DataSource dataSource, TransactionSynchronizationRegistry transactions, RelaySignal relay) {
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.relay = relay;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void append(OutboxMessage message) {
        // the transaction's own connection: the row commits with the change or not at all
        try (Connection connection = dataSource.getConnection(); PreparedStatement insert = connection.prepareStatement(INSERT)) {
            insert.setObject(1, message.eventId());
            insert.setString(2, message.topic());
            insert.setObject(3, message.key());
            insert.setString(4, message.type());
            insert.setString(5, message.payload());
            insert.setTimestamp(6, Timestamp.from(message.createdAt()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not record an outbox event", e);
        }
        wakeRelayAfterCommit();
    }

    private void wakeRelayAfterCommit() {
        AfterCommit.run(transactions, WAKE_AFTER_COMMIT, relay::wake);
    }
}
