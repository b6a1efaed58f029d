package clinic.local.kafka;

import java.io.IOException;

/**
 * Starts the Kafka broker and stops it when the launching process goes away.
 *
 * <p>The launcher keeps this process's standard input open for as long as it lives; end of input
 * means the launcher stopped (or was killed), so the broker shuts down cleanly instead of being
 * left behind holding its ports.
 */
public final class KafkaBrokerMain {

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) throws Exception {
        Thread watchdog = new Thread(KafkaBrokerMain::exitWhenLauncherGone, "launcher-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        kafka.Kafka.main(args);
    }

    private static void exitWhenLauncherGone() {
        try {
            while (System.in.read() != -1) {
                // the launcher never writes; anything read is ignored
            }
        } catch (IOException e) {
            // a broken pipe means the same as end of input
        }
        System.exit(0);
    }
}
