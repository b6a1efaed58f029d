package clinic.consumers;

/**
 * One incoming Kafka channel of this service, as its messaging configuration declares it.
 *
 * @param channel the channel's name ({@code mp.messaging.incoming.<channel>})
 * @param topic the topic it consumes
 * @param group the consumer group whose committed offsets measure its lag
 * @param deadLetterTopic where records it refuses go, or null when it does not dead-letter
 */
public record ConsumedChannel(String channel, String topic, String group, String deadLetterTopic) {

    public boolean deadLetters() {
        return deadLetterTopic != null;
    }
}
