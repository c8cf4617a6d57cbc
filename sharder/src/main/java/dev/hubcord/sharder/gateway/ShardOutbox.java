package dev.hubcord.sharder.gateway;

import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What one shard writes to Discord, under the connection's 120/60 s limit: the shard's own payloads (IDENTIFY,
 * RESUME, heartbeats) take a slot directly; GATEWAY_SEND payloads wait in a bounded FIFO ({@code sendQueue}, refused
 * past it) for a live session and budget; background payloads (member requests) go only when that FIFO is empty and
 * the limiter leaves its headroom. Confined to the shard's event loop except {@link #offer}.
 */
final class ShardOutbox {

    private static final Logger log = LoggerFactory.getLogger(ShardOutbox.class);

    /** A payload for Discord; {@code done} runs once it is written, or dropped. */
    private record Outgoing(byte[] json, Runnable done) {}

    private final int shardId;
    private final EventLoop loop;
    private final int capacity;
    private final Supplier<GatewayConnection> live;
    private final Runnable whenIdle;
    private final ArrayDeque<Outgoing> queue = new ArrayDeque<>();
    private final AtomicInteger queued = new AtomicInteger();
    private SendLimiter limiter = SendLimiter.discord();
    private ScheduledFuture<?> drainTask;

    /**
     * @param live the connection when its session carries payloads, else null
     * @param whenIdle runs after a drain emptied the queue (the member requester sends then)
     */
    ShardOutbox(int shardId, EventLoop loop, int capacity, Supplier<GatewayConnection> live, Runnable whenIdle) {
        this.shardId = shardId;
        this.loop = loop;
        this.capacity = capacity;
        this.live = live;
        this.whenIdle = whenIdle;
    }

    /** Queues a GATEWAY_SEND payload (any thread); false when the queue is full. */
    boolean offer(byte[] json, Runnable done) {
        if (queued.incrementAndGet() > capacity) {
            queued.decrementAndGet();
            return false;
        }
        loop.execute(() -> {
            queue.addLast(new Outgoing(json, done));
            drain();
        });
        return true;
    }

    /** A new connection: Discord's window starts over. */
    void newConnection() {
        limiter = SendLimiter.discord();
    }

    /** Takes a slot for one of the shard's own payloads; false when none is free. */
    boolean takeSlot(boolean heartbeat) {
        return limiter.tryAcquire(heartbeat);
    }

    /** Writes queued payloads while the session and the budget allow, then lets background payloads go. */
    void drain() {
        drainTask = null;
        GatewayConnection connection = live.get();
        if (connection == null) {
            return;
        }
        while (!queue.isEmpty()) {
            if (!limiter.tryAcquire(false)) {
                drainTask = loop.schedule(this::drain, limiter.nanosUntilFree(), TimeUnit.NANOSECONDS);
                return;
            }
            Outgoing next = queue.pollFirst();
            queued.decrementAndGet();
            connection.send(next.json(), next.done());
        }
        whenIdle.run();
    }

    /**
     * Writes a background payload if the session is up, nothing is queued (GATEWAY_SEND goes first), and the budget
     * leaves its headroom: 0 when written, else the nanoseconds until budget frees up, or -1 when only a state change
     * (a drained queue, a new session) can help; {@link #drain} runs {@code whenIdle} then.
     */
    long trySendBackground(byte[] json) {
        GatewayConnection connection = live.get();
        if (connection == null || !queue.isEmpty()) {
            return -1;
        }
        if (!limiter.tryAcquireBackground()) {
            return limiter.nanosUntilBackgroundFree();
        }
        connection.send(json, null);
        return 0;
    }

    void cancelDrain() {
        if (drainTask != null) {
            drainTask.cancel(false);
            drainTask = null;
        }
    }

    /** Drops every queued payload (their {@code done} runs). */
    void drop(String why) {
        if (!queue.isEmpty()) {
            log.warn("shard={} event=send_queue_dropped count={} reason=\"{}\"", shardId, queue.size(), why);
        }
        Outgoing next;
        while ((next = queue.pollFirst()) != null) {
            queued.decrementAndGet();
            if (next.done() != null) {
                next.done().run();
            }
        }
    }
}
