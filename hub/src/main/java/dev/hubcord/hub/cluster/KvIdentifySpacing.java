package dev.hubcord.hub.cluster;

import dev.hubcord.hub.shards.IdentifySpacing;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.KeyValueOperation;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The IDENTIFY spacing of a clustered hub: each bucket's last grant is the key {@code bucket.<n>} of the
 * {@link ClusterStore#IDENTIFY_BUCKET} bucket, and a node takes a slot only by writing it with compare-and-set
 * against the revision it read. So of two nodes racing for one slot exactly one wins, and the loser sees the
 * winner's revision.
 *
 * <p>The interval is measured on this node's monotonic clock from the moment it first saw the bucket's current
 * revision (a revision is always written before anyone sees it), so two grants of one bucket are at least the
 * interval apart whatever the nodes' wall clocks say; a node that has just started, or sees a revision late, waits a
 * little longer than needed, never less. When JetStream cannot be reached no slot is taken: the sharders wait.
 */
public final class KvIdentifySpacing implements IdentifySpacing {

    private static final Logger log = LoggerFactory.getLogger(KvIdentifySpacing.class);
    /** How soon to ask again after JetStream failed to answer. */
    static final long RETRY_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private record Seen(long revision, long atNanos) {}

    private final KeyValue kv;
    private final String node;
    private final LongSupplier clock;
    /** Per bucket (at most maxConcurrency of them), the revision last seen and when. */
    private final Map<Integer, Seen> seen = new HashMap<>();
    private boolean failing;

    public KvIdentifySpacing(KeyValue kv, String node) {
        this(kv, node, System::nanoTime);
    }

    KvIdentifySpacing(KeyValue kv, String node, LongSupplier clock) {
        this.kv = kv;
        this.node = node;
        this.clock = clock;
    }

    @Override
    public synchronized long tryTake(int bucket, long intervalNanos) {
        String key = "bucket." + bucket;
        try {
            long revision = observe(bucket, kv.get(key));
            if (revision != 0) {
                long since = clock.getAsLong() - seen.get(bucket).atNanos();
                if (since < intervalNanos) {
                    recovered();
                    return intervalNanos - since;
                }
            }
            byte[] value = (node + " " + System.currentTimeMillis()).getBytes(StandardCharsets.UTF_8);
            long now = clock.getAsLong();
            try {
                long written = revision == 0 ? kv.create(key, value) : kv.update(key, value, revision);
                seen.put(bucket, new Seen(written, now));
                recovered();
                return 0;
            } catch (JetStreamApiException lost) {
                // another node wrote the key since we read it: it took the slot; start the interval from now
                observe(bucket, kv.get(key));
                recovered();
                return intervalNanos;
            }
        } catch (IOException | JetStreamApiException e) {
            if (!failing) {
                failing = true;
                log.warn("IDENTIFY grants wait: JetStream did not answer for {} ({})", key, e.toString());
            }
            return RETRY_NANOS;
        }
    }

    /** Records when this node first saw the entry's revision; returns it (0 when the key holds no grant). */
    private long observe(int bucket, KeyValueEntry entry) {
        if (entry == null) {
            return 0;
        }
        long revision = entry.getRevision();
        Seen known = seen.get(bucket);
        if (known == null || known.revision() != revision) {
            seen.put(bucket, new Seen(revision, clock.getAsLong()));
        }
        return entry.getOperation() == KeyValueOperation.PUT ? revision : 0;
    }

    private void recovered() {
        if (failing) {
            failing = false;
            log.info("IDENTIFY grants: JetStream answers again");
        }
    }
}
