package dev.hubcord.protocol.codec;

import java.nio.charset.StandardCharsets;

/**
 * The routing view of one payload, found by {@link EnvelopeScanner} without building a tree for
 * {@code d}: the opcode, the event name, where {@code d} lies in the original bytes, and the few
 * top-level fields of {@code d} that routing needs.
 *
 * @param bytes the payload's JSON bytes, as received (not copied)
 * @param op the opcode number (not yet checked against the table)
 * @param t the event name, or {@code null}
 * @param dStart offset of {@code d}'s first byte in {@code bytes}
 * @param dEnd offset just past {@code d}'s last byte
 * @param dKind whether {@code d} is an object, JSON null, or something else
 * @param guildId {@code d.guildID} or {@code d.guild_id} as written (string or number), or {@code null}
 * @param nonce {@code d.nonce} as text, or {@code null}
 * @param shard {@code d.shard}, or {@link #ABSENT}
 * @param seq {@code d.s} (op 7 ACK), {@link #ABSENT}, or {@link #INVALID} when present but not an integer
 * @param dispatchName {@code d.t} when it is a string (the Discord event name inside a DISPATCH), or {@code null}
 * @param publishSeq the top-level {@code ps} (the client's own sequence number for publisher
 *     acknowledgements), {@link #ABSENT}, or {@link #INVALID} when present but not a positive integer
 */
public record Envelope(
        byte[] bytes,
        int op,
        String t,
        int dStart,
        int dEnd,
        DataKind dKind,
        String guildId,
        String nonce,
        int shard,
        long seq,
        String dispatchName,
        long publishSeq) {

    /** Marks a numeric field that was not in {@code d}. */
    public static final int ABSENT = -1;
    /** Marks a numeric field that was present with the wrong type. */
    public static final int INVALID = -2;

    /** An envelope without a {@code ps} (as before publisher acknowledgements). */
    public Envelope(byte[] bytes, int op, String t, int dStart, int dEnd, DataKind dKind, String guildId, String nonce,
            int shard, long seq, String dispatchName) {
        this(bytes, op, t, dStart, dEnd, dKind, guildId, nonce, shard, seq, dispatchName, ABSENT);
    }

    /** The JSON type of {@code d}. */
    public enum DataKind {
        OBJECT,
        NULL,
        OTHER
    }

    /** The length of {@code d}'s bytes. */
    public int dLength() {
        return dEnd - dStart;
    }

    /** {@code d} as a string, for logs and tests. */
    public String dText() {
        return new String(bytes, dStart, dEnd - dStart, StandardCharsets.UTF_8);
    }
}
