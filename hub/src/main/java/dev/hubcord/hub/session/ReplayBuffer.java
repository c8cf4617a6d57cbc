package dev.hubcord.hub.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The events a session was sent, kept for resume: a ring of consecutive sequence numbers
 * {@code [first, last]}. The oldest fall off when it is full; an ACK for {@code s} drops everything
 * up to {@code s}, since the client could only have acknowledged it after receiving all before it.
 * It is bounded in bytes too ({@code HUB_REPLAY_BUFFER_BYTES}): the oldest fall off when the payloads
 * held pass it, so a client that stops reading and acknowledging costs the hub at most that much.
 * Guarded by the owning session's lock.
 */
final class ReplayBuffer {

    private final byte[][] entries;
    private final long maxBytes;
    private long bytes;
    private long first = 1;
    private long last;

    ReplayBuffer(int capacity) {
        this(capacity, Long.MAX_VALUE);
    }

    ReplayBuffer(int capacity, long maxBytes) {
        this.entries = new byte[Math.max(1, capacity)][];
        this.maxBytes = maxBytes;
    }

    void add(long seq, byte[] payload) {
        last = seq;
        int slot = (int) (seq % entries.length);
        if (entries[slot] != null) {
            bytes -= entries[slot].length; // the oldest, overwritten
        }
        entries[slot] = payload;
        bytes += payload.length;
        if (last - first + 1 > entries.length) {
            first = last - entries.length + 1;
        }
        while (bytes > maxBytes && first < last) {
            drop(first++);
        }
    }

    private void drop(long seq) {
        int slot = (int) (seq % entries.length);
        if (entries[slot] != null) {
            bytes -= entries[slot].length;
            entries[slot] = null;
        }
    }

    /** The bytes of the payloads held. */
    long bytes() {
        return bytes;
    }

    /** Forgets everything up to and including {@code seq}. */
    void trimThrough(long seq) {
        long upTo = Math.min(seq, last);
        for (long s = first; s <= upTo; s++) {
            drop(s);
        }
        first = Math.max(first, upTo + 1);
    }

    /**
     * The payloads after {@code seq}, in order, or {@code null} when the buffer no longer holds all of
     * them or {@code seq} is in the future.
     */
    List<byte[]> after(long seq) {
        if (seq > last || seq < first - 1) {
            return null;
        }
        List<byte[]> out = new ArrayList<>((int) (last - seq));
        for (long s = seq + 1; s <= last; s++) {
            out.add(entries[(int) (s % entries.length)]);
        }
        return out;
    }

    int size() {
        return (int) (last - first + 1);
    }
}
