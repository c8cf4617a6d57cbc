package dev.hubcord.hub.shards;

import dev.hubcord.hub.session.Session;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import java.util.function.IntSupplier;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Discord lets a bot IDENTIFY at most once per 5 seconds per bucket {@code shard % maxConcurrency}.
 * Sharders ask here first (IDENTIFY_REQUEST); requests queue per bucket in arrival order and each
 * is granted when its bucket's interval has passed since the previous grant. A request whose
 * sharder is not connected when its turn comes is dropped: the sharder asks again after it resumes.
 */
public final class IdentifyGate {

    private static final Logger log = LoggerFactory.getLogger(IdentifyGate.class);

    private record Request(Session session, int shard) {}

    private final long intervalNanos;
    private final IntSupplier maxConcurrency;
    private final BiConsumer<Session, Integer> grant;
    private final ScheduledExecutorService scheduler;
    private final LongSupplier clock;
    private final Map<Integer, ArrayDeque<Request>> queues = new HashMap<>();
    private final Map<Integer, Long> nextAllowed = new HashMap<>();
    private final Map<Integer, Boolean> timerSet = new HashMap<>();

    public IdentifyGate(long intervalMillis, IntSupplier maxConcurrency, BiConsumer<Session, Integer> grant,
            ScheduledExecutorService scheduler) {
        this(intervalMillis, maxConcurrency, grant, scheduler, System::nanoTime);
    }

    IdentifyGate(long intervalMillis, IntSupplier maxConcurrency, BiConsumer<Session, Integer> grant,
            ScheduledExecutorService scheduler, LongSupplier clock) {
        this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
        this.maxConcurrency = maxConcurrency;
        this.grant = grant;
        this.scheduler = scheduler;
        this.clock = clock;
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
        if (!timerSet.getOrDefault(bucket, false)) {
            process(bucket);
        }
    }

    private synchronized void process(int bucket) {
        timerSet.put(bucket, false);
        ArrayDeque<Request> queue = queues.get(bucket);
        while (!queue.isEmpty()) {
            long now = clock.getAsLong();
            long allowed = nextAllowed.getOrDefault(bucket, Long.MIN_VALUE);
            if (allowed != Long.MIN_VALUE && now - allowed < 0) {
                timerSet.put(bucket, true);
                scheduler.schedule(() -> process(bucket), allowed - now, TimeUnit.NANOSECONDS);
                return;
            }
            Request next = queue.poll();
            if (!next.session().isConnected()) {
                log.info("IDENTIFY request for shard {} dropped: {} is not connected", next.shard(), next.session());
                continue;
            }
            nextAllowed.put(bucket, now + intervalNanos);
            log.info("IDENTIFY granted for shard {} (bucket {}) to {}", next.shard(), bucket, next.session());
            grant.accept(next.session(), next.shard());
        }
    }

    /** Forgets the requests of an ended session. */
    public synchronized void remove(Session session) {
        for (ArrayDeque<Request> queue : queues.values()) {
            queue.removeIf(r -> r.session() == session);
        }
    }
}
