package clinic.consumers;

import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.Config;

/**
 * The service's incoming Kafka channels, read from the same {@code mp.messaging.incoming.*}
 * properties the connector reads, so the topics and groups that are watched and replayed can never
 * differ from the ones consumed. The defaults are the connector's: the topic is the channel's name,
 * the group the application's name, and a channel whose failure strategy is
 * {@code dead-letter-queue} dead-letters to {@code dead-letter-topic-<topic>} unless it names a topic.
 * A channel is found by its {@code connector} property, which every channel of ours names (a
 * channel left to Quarkus to attach to Kafka would not be watched).
 */
@ApplicationScoped
public class ConsumedChannels {

    private static final Pattern CONNECTOR = Pattern.compile("mp\\.messaging\\.incoming\\.([^.]+)\\.connector");

    private final String application;
    private final List<ConsumedChannel> channels;

    public ConsumedChannels(Config config) {
        this.application = config.getValue("quarkus.application.name", String.class);
        TreeSet<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            Matcher m = CONNECTOR.matcher(property);
            if (m.matches() && "smallrye-kafka".equals(config.getOptionalValue(property, String.class).orElse(""))) {
                names.add(m.group(1));
            }
        }
        this.channels = names.stream().map(name -> channel(config, name, application)).toList();
    }

    private static ConsumedChannel channel(Config config, String name, String application) {
        String prefix = "mp.messaging.incoming." + name + ".";
        String topic = value(config, prefix + "topic").orElse(name);
        String group = value(config, prefix + "group.id").orElse(application);
        boolean deadLetters = "dead-letter-queue".equals(value(config, prefix + "failure-strategy").orElse(""));
        String deadLetterTopic = deadLetters ? value(config, prefix + "dead-letter-queue.topic").orElse("dead-letter-topic-" + topic)
                : null;
        return new ConsumedChannel(name, topic, group, deadLetterTopic);
    }

    private static Optional<String> value(Config config, String property) {
        return config.getOptionalValue(property, String.class);
    }

    /** Every incoming Kafka channel, by name. */
    public List<ConsumedChannel> all() {
        return channels;
    }

    /** The channels that dead-letter what they refuse. */
    public List<ConsumedChannel> deadLettering() {
        return channels.stream().filter(ConsumedChannel::deadLetters).toList();
    }

    /** The one group that remembers how far each dead-letter topic has been replayed. */
    public String replayGroup() {
        return application + "-dead-letter-replay";
    }

    /** A client id naming this service and what the client is for. */
    public String clientId(String purpose) {
        return application + "-" + purpose;
    }
}
