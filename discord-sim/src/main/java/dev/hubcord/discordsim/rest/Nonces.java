package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * {@code enforce_nonce}: the messages created with a nonce in the last window, by (author, channel, nonce), so that
 * a second create with the same nonce returns the first message instead of creating one. Bounded: at most
 * {@link #MAX_NONCES} entries; past that the oldest is forgotten before its window ends (a test that sends more
 * than that many nonced messages within one window would see a duplicate).
 */
public final class Nonces {

    static final int MAX_NONCES = 100_000;

    private record Key(long authorId, long channelId, String nonce) {}

    private record Created(ObjectNode message, long atNanos) {}

    private final Map<Key, Created> recent = new LinkedHashMap<>();
    private final LongSupplier windowMillis;

    /** {@code windowMillis} is read at every call, so that a reconfigured window applies at once. */
    public Nonces(LongSupplier windowMillis) {
        this.windowMillis = windowMillis;
    }

    /**
     * With {@code enforce}, returns the message created with this nonce by this author in this channel within the
     * window, if any; otherwise (or without one) creates a message with {@code create} and remembers it. Atomic, so
     * two concurrent creates with one nonce make one message. {@code nonce} null means no nonce: nothing is
     * remembered. The message is created under the lock (creating and dispatching it does not block).
     *
     * @return the message (the earlier one, or the new one)
     */
    ObjectNode createOnce(long authorId, long channelId, String nonce, boolean enforce, Supplier<ObjectNode> create) {
        if (nonce == null) {
            return create.get(); // nothing to remember: messages without a nonce do not wait for the lock
        }
        synchronized (this) {
            return createOnceLocked(authorId, channelId, nonce, enforce, create);
        }
    }

    private ObjectNode createOnceLocked(long authorId, long channelId, String nonce, boolean enforce,
            Supplier<ObjectNode> create) {
        long now = System.nanoTime();
        expire(now);
        Key key = new Key(authorId, channelId, nonce);
        Created earlier = recent.get(key);
        if (enforce && earlier != null) {
            return earlier.message();
        }
        ObjectNode message = create.get();
        recent.remove(key); // re-inserted last: the map stays in creation order
        if (recent.size() >= MAX_NONCES) {
            Iterator<Key> oldest = recent.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        recent.put(key, new Created(message, now));
        return message;
    }

    private void expire(long now) {
        long window = windowMillis.getAsLong() * 1_000_000L;
        Iterator<Created> it = recent.values().iterator();
        while (it.hasNext()) {
            if (now - it.next().atNanos() <= window) {
                return;
            }
            it.remove();
        }
    }
}
