package dev.hubcord.sharder.hub;

import java.util.ArrayDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;

/**
 * Keeps what the sharder sends under the hub's per-connection rate limit (past it the hub stops
 * reading from the connection, and closes it with 4008 if that lasts; a payload written as a
 * connection drops is lost) and holds it while the hub is away.
 *
 * <p>One ordered queue: a payload goes straight to the hub client when nothing waits, the session is
 * up and a token is free; otherwise it queues, and a timer drains the queue at {@code ratePerSecond}
 * once the session is up again. So a hub outage is absorbed here, not in HubClient's buffer (which
 * HubClient flushes all at once on reconnect, over the hub's burst allowance). The queue holds
 * {@code capacity} payloads; past that, offers are refused and the caller accounts for them.
 */
final class HubPacer<T> {

    private static final long TICK_MILLIS = 5;

    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayDeque<T> queue = new ArrayDeque<>();
    private final int capacity;
    private final double tokensPerNano;
    private final double maxTokens;
    private final BooleanSupplier connected;
    private final Predicate<T> deliver;
    private final java.util.function.Consumer<T> undelivered;
    private double tokens;
    private long last = System.nanoTime();

    /**
     * @param deliver hands a payload to the hub client; {@code false} when that refused it
     * @param undelivered told about each payload refused by {@code deliver}
     */
    HubPacer(int ratePerSecond, int capacity, BooleanSupplier connected, Predicate<T> deliver,
            java.util.function.Consumer<T> undelivered, ScheduledExecutorService timer) {
        this.capacity = capacity;
        this.tokensPerNano = ratePerSecond / 1e9;
        this.maxTokens = Math.max(1, ratePerSecond / 4.0);
        this.tokens = maxTokens;
        this.connected = connected;
        this.deliver = deliver;
        this.undelivered = undelivered;
        timer.scheduleWithFixedDelay(this::drain, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    /** Sends or queues; {@code false} when the queue is full (nothing was done with the payload). */
    boolean offer(T item) {
        lock.lock();
        try {
            if (queue.isEmpty() && connected.getAsBoolean() && take()) {
                if (!deliver.test(item)) {
                    undelivered.accept(item);
                }
                return true;
            }
            if (queue.size() >= capacity) {
                return false;
            }
            queue.addLast(item);
            return true;
        } finally {
            lock.unlock();
        }
    }

    int queued() {
        lock.lock();
        try {
            return queue.size();
        } finally {
            lock.unlock();
        }
    }

    private void drain() {
        lock.lock();
        try {
            while (!queue.isEmpty() && connected.getAsBoolean() && take()) {
                T next = queue.pollFirst();
                if (!deliver.test(next)) {
                    undelivered.accept(next);
                }
            }
        } finally {
            lock.unlock();
        }
    }

    private boolean take() {
        long now = System.nanoTime();
        tokens = Math.min(maxTokens, tokens + (now - last) * tokensPerNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
