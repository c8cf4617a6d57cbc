package dev.hubcord.hub.session;

import java.util.ArrayList;
import java.util.List;

/**
 * The events a session was sent, kept for resume: a ring of consecutive sequence numbers
 * {@code [first, last]}. The oldest fall off when it is full; an ACK for {@code s} drops everything
 * up to {@code s}, since the client could only have acknowledged it after receiving all before it.
 * Guarded by the owning session's lock.
 */
final class ReplayBuffer {

    private final byte[][] entries;
    private long first = 1;
    private long last;

    ReplayBuffer(int capacity) {
        this.entries = new byte[Math.max(1, capacity)][];
    }

    void add(long seq, byte[] payload) {
        last = seq;
        entries[(int) (seq % entries.length)] = payload;
        if (last - first + 1 > entries.length) {
            first = last - entries.length + 1;
        }
    }

    /** Forgets everything up to and including {@code seq}. */
    void trimThrough(long seq) {
        long upTo = Math.min(seq, last);
        for (long s = first; s <= upTo; s++) {
            entries[(int) (s % entries.length)] = null;
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
