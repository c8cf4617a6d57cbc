package dev.hubcord.hub.session;

import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.codec.Envelope;
import dev.hubcord.protocol.codec.EnvelopeWriter;

/**
 * One event on its way through the hub: its type, the bytes of its {@code d} (a range of the frame
 * it arrived in, never copied), and the routing fields read from {@code d}.
 *
 * @param guildId {@code d.guildID}/{@code d.guild_id} as written, or {@code null}
 * @param shard {@code d.shard}, or {@link Envelope#ABSENT}
 * @param nonce {@code d.nonce}, or {@code null}
 * @param dispatchName {@code d.t} of a DISPATCH, or {@code null}
 * @param redelivered whether this is a second delivery after the first receiver's session ended
 */
public record RoutedEvent(
        EventType type,
        byte[] bytes,
        int dStart,
        int dEnd,
        String guildId,
        int shard,
        String nonce,
        String dispatchName,
        boolean redelivered) {

    /** An event a client sent, as scanned. */
    public static RoutedEvent of(EventType type, Envelope envelope) {
        return new RoutedEvent(type, envelope.bytes(), envelope.dStart(), envelope.dEnd(), envelope.guildId(),
                envelope.shard(), envelope.nonce(), envelope.dispatchName(), false);
    }

    /** An event the hub itself sends, with {@code d} already serialised. */
    public static RoutedEvent ofHub(EventType type, byte[] d) {
        return new RoutedEvent(type, d, 0, d.length, null, Envelope.ABSENT, null, null, false);
    }

    /**
     * An event the hub composes on a client's behalf for guild delivery, marked {@code redelivered}
     * ({@code d} already says so): the PLAYER_JOIN that hands a lost audio worker's guild to the next one.
     */
    public static RoutedEvent ofHubForGuild(EventType type, byte[] d, String guildId) {
        return new RoutedEvent(type, d, 0, d.length, guildId, Envelope.ABSENT, null, null, true);
    }

    /** The same event with {@code "redelivered": true} added to {@code d}. */
    public RoutedEvent asRedelivered() {
        if (redelivered) {
            return this;
        }
        byte[] d = EnvelopeWriter.withRedelivered(bytes, dStart, dEnd);
        return new RoutedEvent(type, d, 0, d.length, guildId, shard, nonce, dispatchName, true);
    }

    /** The whole payload as sent to a session, with that session's sequence number. */
    byte[] encode(long seq) {
        return EnvelopeWriter.event(type.name(), seq, bytes, dStart, dEnd);
    }
}
