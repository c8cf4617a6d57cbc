package dev.hubcord.hub.cluster;

import dev.hubcord.hub.lease.Leases;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Named leases shared by every node of a clustered hub, in the {@link ClusterStore#LEASES_BUCKET} bucket: one key
 * per name (base64url, as key names allow only a few characters) holding the holder's session, its ttl and the node
 * that granted it. Taking, renewing and taking over are writes with compare-and-set against the revision read, so a
 * name has one holder whichever nodes the contenders are connected to.
 *
 * <p>A lease expires when its revision has not changed for its ttl, measured on this node's monotonic clock from
 * when it first saw that revision — never from another machine's wall clock. Sessions live on one node, so the names
 * a session holds are remembered here for {@link #releaseAll}; at most {@link Leases#MAX_NAMES} are granted through
 * one node at once (past it a new name is refused). When JetStream cannot be reached nothing is granted.
 */
public final class KvLeases implements Leases {

    private static final Logger log = LoggerFactory.getLogger(KvLeases.class);

    private record Seen(long revision, long atNanos) {}

    private record Holder(String session, long ttlMs) {}

    private final KeyValue kv;
    private final String node;
    private final LongSupplier clock;
    private final int maxNames;
    /** When this node first saw each key's current revision; the least recently used go first past the bound. */
    private final Map<String, Seen> seen = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Seen> eldest) {
            return size() > 2 * maxNames;
        }
    };
    private final Map<String, Set<String>> namesBySession = new HashMap<>();
    private int held;

    public KvLeases(KeyValue kv, String node) {
        this(kv, node, System::nanoTime, MAX_NAMES);
    }

    KvLeases(KeyValue kv, String node, LongSupplier clock, int maxNames) {
        this.kv = kv;
        this.node = node;
        this.clock = clock;
        this.maxNames = maxNames;
    }

    @Override
    public synchronized Grant acquire(String name, String session, long ttlMs) {
        String key = key(name);
        boolean mine = namesBySession.getOrDefault(session, Set.of()).contains(name);
        if (!mine && held >= maxNames) {
            return new Grant(false, null, 0);
        }
        try {
            KeyValueEntry entry = kv.get(key);
            long revision = observe(key, entry);
            Holder holder = revision == 0 ? null : parse(entry.getValue());
            if (holder != null && !holder.session().equals(session)) {
                long elapsedMs = TimeUnit.NANOSECONDS.toMillis(clock.getAsLong() - seen.get(key).atNanos());
                if (elapsedMs < holder.ttlMs()) {
                    return new Grant(false, holder.session(), holder.ttlMs() - elapsedMs);
                }
            }
            byte[] value = (session + "\n" + ttlMs + "\n" + node).getBytes(StandardCharsets.UTF_8);
            long now = clock.getAsLong();
            long written;
            try {
                written = revision == 0 ? kv.create(key, value) : kv.update(key, value, revision);
            } catch (JetStreamApiException lost) {
                // someone else wrote it since we read it: they hold it now
                KeyValueEntry winner = kv.get(key);
                observe(key, winner);
                Holder other = winner == null || winner.getOperation() != KeyValueOperation.PUT ? null
                        : parse(winner.getValue());
                return new Grant(false, other == null ? null : other.session(), other == null ? 0 : other.ttlMs());
            }
            seen.put(key, new Seen(written, now));
            if (namesBySession.computeIfAbsent(session, s -> new HashSet<>()).add(name)) {
                held++;
            }
            return new Grant(true, session, ttlMs);
        } catch (IOException | JetStreamApiException e) {
            log.warn("lease {} not granted: JetStream did not answer ({})", name, e.toString());
            return new Grant(false, null, 0);
        }
    }

    @Override
    public synchronized boolean release(String name, String session) {
        Set<String> names = namesBySession.get(session);
        if (names == null || !names.remove(name)) {
            return false;
        }
        held--;
        if (names.isEmpty()) {
            namesBySession.remove(session);
        }
        return deleteIfHeld(name, session);
    }

    @Override
    public synchronized int releaseAll(String session) {
        Set<String> names = namesBySession.remove(session);
        if (names == null) {
            return 0;
        }
        held -= names.size();
        int released = 0;
        for (String name : names) {
            if (deleteIfHeld(name, session)) {
                released++;
            }
        }
        return released;
    }

    @Override
    public synchronized int size() {
        return held;
    }

    /** Deletes the key if {@code session} still holds it, with compare-and-set so a newer holder is never removed. */
    private boolean deleteIfHeld(String name, String session) {
        String key = key(name);
        try {
            KeyValueEntry entry = kv.get(key);
            if (entry == null || entry.getOperation() != KeyValueOperation.PUT
                    || !parse(entry.getValue()).session().equals(session)) {
                return false;
            }
            kv.delete(key, entry.getRevision());
            seen.remove(key);
            return true;
        } catch (IOException | JetStreamApiException e) {
            // it expires by its ttl on every node instead
            log.warn("lease {} not released: JetStream did not answer ({}); it ends with its ttl", name, e.toString());
            return false;
        }
    }

    private long observe(String key, KeyValueEntry entry) {
        if (entry == null) {
            return 0;
        }
        Seen known = seen.get(key);
        if (known == null || known.revision() != entry.getRevision()) {
            seen.put(key, new Seen(entry.getRevision(), clock.getAsLong()));
        }
        return entry.getOperation() == KeyValueOperation.PUT ? entry.getRevision() : 0;
    }

    static String key(String name) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(name.getBytes(StandardCharsets.UTF_8));
    }

    private static Holder parse(byte[] value) {
        String[] parts = new String(value, StandardCharsets.UTF_8).split("\n", 3);
        long ttl = parts.length > 1 ? Long.parseLong(parts[1]) : 0;
        return new Holder(parts[0], ttl);
    }
}
