package clinic.content.config;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** What messages say about the clinic, and the clinic's time zone: {@code clinic.*}. */
@ConfigMapping(prefix = "clinic")
public interface ClinicConfig {

    /** IANA zone in which local times are shown and night hours are judged. */
    @WithDefault("Europe/Warsaw")
    ZoneId timeZone();

    String name();

    String address();

    String phone();

    /** Where links in emails point (the opt-out page), without a trailing slash. */
    String publicUrl();

    /** The From address; its domain also names our Message-IDs and calendar UIDs. */
    String senderAddress();

    /** HMAC-SHA256 key of the tokens in links (opt-out); at least 32 bytes. */
    String optOutSecret();

    /** How long an opt-out link stays valid after the message that carries it is due. */
    @WithDefault("P60D")
    java.time.Duration optOutLinkValidity();

    default String senderDomain() {
        String address = senderAddress();
        return address.substring(address.indexOf('@') + 1).replace(">", "").trim();
    }

    Retention retention();

    /** How long what is needed only for a while is kept: {@code clinic.retention.*}. */
    interface Retention {

        /** A sent message's subject, bodies and calendar entry; its delivery record stays. */
        @WithDefault("30d")
        java.time.Duration sentMessageBodies();

        /** Consumed event ids (both topics): longer than the topics keep events, so no redelivery finds its id gone. */
        @WithDefault("30d")
        java.time.Duration processedEvents();

        /** How often the purges run: a duration, or {@code off} (the tests run them themselves). */
        @WithDefault("1h")
        String purgeInterval();
    }
}
