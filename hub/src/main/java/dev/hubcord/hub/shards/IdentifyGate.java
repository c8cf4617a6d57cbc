package dev.hubcord.hub.shards;

import dev.hubcord.hub.session.Session;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord lets a bot IDENTIFY at most once per 5 seconds per bucket {@code shard % maxConcurrency}.
 * Sharders ask here first (IDENTIFY_REQUEST); requests queue per bucket in arrival order and each
 * is granted when {@link IdentifySpacing} says the bucket's interval has passed since its previous grant — in this
 * process, or on any node of a clustered hub. A request whose sharder is not connected when its turn comes is
 * dropped: the sharder asks again after it resumes.
 *
 * <p>Grants are decided on the scheduler's thread, never on the caller's (an event loop): a clustered spacing asks
 * its store over the network. The queues are bounded by the shards a deployment has: a repeated request for a shard
 * already waiting is folded into it.
 */
public final class IdentifyGate {

    private static final Logger log = LoggerFactory.getLogger(IdentifyGate.class);

    private record Request(Session session, int shard) {}

    private final long intervalNanos;
    private final IntSupplier maxConcurrency;
    private final BiConsumer<Session, Integer> grant;
    private final ScheduledExecutorService scheduler;
    private final IdentifySpacing spacing;
    private final Map<Integer, ArrayDeque<Request>> queues = new HashMap<>();
    /** Buckets with a run of {@link #process} scheduled: at most one each. */
    private final Set<Integer> scheduled = new HashSet<>();

    public IdentifyGate(long intervalMillis, IntSupplier maxConcurrency, BiConsumer<Session, Integer> grant,
            ScheduledExecutorService scheduler) {
        this(intervalMillis, maxConcurrency, grant, scheduler, new LocalIdentifySpacing());
    }

    public IdentifyGate(long intervalMillis, IntSupplier maxConcurrency, BiConsumer<Session, Integer> grant,
            ScheduledExecutorService scheduler, IdentifySpacing spacing) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.maxConcurrency = maxConcurrency;
        this.grant = grant;
        this.scheduler = scheduler;
        this.spacing = spacing;
    }

    /** Queues a request; a repeated request for a shard already waiting is ignored. */
    public synchronized void request(Session session, int shard) {
        int bucket = shard % Math.max(1, maxConcurrency.getAsInt());
        ArrayDeque<Request> queue = queues.computeIfAbsent(bucket, b -> new ArrayDeque<>());
        Request request = new Request(session, shard);
        if (queue.contains(request)) {
            return;
        }
        queue.add(request);
        if (scheduled.add(bucket)) {
            scheduler.execute(() -> process(bucket));
        }
    }

    /** Grants the bucket's next live request if its spacing allows, and runs again when the next may go. */
    private void process(int bucket) {
        Request next;
        synchronized (this) {
            next = nextLive(bucket);
            if (next == null) {
                scheduled.remove(bucket);
                return;
            }
        }
        // outside the lock: a clustered spacing may take a network round trip
        long wait = spacing.tryTake(bucket, intervalNanos);
        synchronized (this) {
            if (wait == 0) {
                queues.get(bucket).remove(next);
                log.info("IDENTIFY granted for shard {} (bucket {}) to {}", next.shard(), bucket, next.session());
                grant.accept(next.session(), next.shard());
                wait = queues.get(bucket).isEmpty() ? -1 : intervalNanos;
            }
            if (wait < 0) {
                scheduled.remove(bucket);
                return;
            }
        }
        scheduler.schedule(() -> process(bucket), wait, TimeUnit.NANOSECONDS);
    }

    /** The bucket's first request whose sharder is connected; the others are dropped on the way. */
    private Request nextLive(int bucket) {
        ArrayDeque<Request> queue = queues.get(bucket);
        while (queue != null && !queue.isEmpty()) {
            Request head = queue.peek();
            if (head.session().isConnected()) {
                return head;
            }
            queue.poll();
            log.info("IDENTIFY request for shard {} dropped: {} is not connected", head.shard(), head.session());
        }
        return null;
    }

    /** Forgets the requests of an ended session. */
    public synchronized void remove(Session session) {
        for (ArrayDeque<Request> queue : queues.values()) {
            queue.removeIf(r -> r.session() == session);
        }
    }
}
