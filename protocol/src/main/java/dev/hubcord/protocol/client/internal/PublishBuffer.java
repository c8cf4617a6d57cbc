package dev.hubcord.protocol.client.internal;

import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * The payloads a client published with publisher acknowledgements on and the hub has not yet
 * confirmed, oldest first. Each gets the next client sequence number, written into the payload as
 * the top-level {@code "ps"}; numbers only grow over the client's whole life (never reset per
 * session), so a number identifies one payload even after a fresh IDENTIFY.
 *
 * <p>Bounded by count and bytes; {@link #fits} says whether one more payload may be added, and the
 * caller refuses the payload when it may not (nothing held is ever evicted for a newer one: what was
 * accepted stays until the hub confirms it or the client is closed). Not thread-safe: the
 * {@link Outbox} guards it with its lock.
 */
final class PublishBuffer {

    /** One held payload: its number and its bytes, {@code ps} included. */
    private record Entry(long ps, byte[] bytes) {}

    private final int capacity;
    private final long capacityBytes;
    private final ArrayDeque<Entry> entries = new ArrayDeque<>();
    private long nextPs = 1;
    private long bytes;

    PublishBuffer(int capacity, long capacityBytes) {
        this.capacity = capacity;
        this.capacityBytes = capacityBytes;
    }

    /**
     * Whether a payload of {@code length} bytes may be added. An empty buffer takes any one payload
     * (below the capacity of 0), so a large payload is never refused forever.
     */
    boolean fits(int length) {
        if (entries.size() >= capacity) {
            return false;
        }
        return entries.isEmpty() || bytes + length <= capacityBytes;
    }

    /** Numbers the payload (a JSON object), keeps it, and returns the numbered bytes to write. */
    byte[] add(byte[] payload) {
        long ps = nextPs++;
        byte[] numbered = number(payload, ps);
        entries.addLast(new Entry(ps, numbered));
        bytes += numbered.length;
        return numbered;
    }

    /** The hub has taken everything up to {@code ps}: forgets those. Returns how many were forgotten. */
    int confirm(long ps) {
        int n = 0;
        Entry head;
        while ((head = entries.peekFirst()) != null && head.ps() <= ps) {
            entries.pollFirst();
            bytes -= head.bytes().length;
            n++;
        }
        return n;
    }

    /** Everything held, oldest first: what to write on a new connection. */
    List<byte[]> held() {
        List<byte[]> out = new ArrayList<>(entries.size());
        for (Entry e : entries) {
            out.add(e.bytes());
        }
        return out;
    }

    /** Forgets everything; returns how many payloads were dropped. */
    int clear() {
        int n = entries.size();
        entries.clear();
        bytes = 0;
        return n;
    }

    int size() {
        return entries.size();
    }

    long bytes() {
        return bytes;
    }

    /** The last number given out, 0 before the first. */
    long lastPs() {
        return nextPs - 1;
    }

    /** {@code {"op":...}} becomes {@code {"ps":N,"op":...}}: the JSON stays one object, nothing is re-encoded. */
    static byte[] number(byte[] payload, long ps) {
        if (payload.length < 2 || payload[0] != '{') {
            throw new IllegalArgumentException("a payload is a JSON object");
        }
        byte[] prefix = ("{\"ps\":" + ps + (payload[1] == '}' ? "" : ",")).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + payload.length - 1];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        System.arraycopy(payload, 1, out, prefix.length, payload.length - 1);
        return out;
    }
}
