package dev.hubcord.sharder.gateway;

import java.util.ArrayDeque;
import java.util.function.LongSupplier;

/**
 * Discord's outgoing limit for one connection: 120 payloads per 60 s, heartbeats included, else close
 * 4008. A sliding window of send times; ordinary payloads may use all but {@code heartbeatReserve}
 * slots, so a burst of hub-originated commands can never starve the heartbeats that keep the
 * connection alive. Not thread-safe: a shard uses it on its event loop only.
 */
final class SendLimiter {

    static final int DISCORD_LIMIT = 120;
    static final long DISCORD_WINDOW_NANOS = 60_000_000_000L;
    static final int HEARTBEAT_RESERVE = 3;

    private final int limit;
    private final long windowNanos;
    private final int reserve;
    private final LongSupplier clock;
    private final ArrayDeque<Long> sent = new ArrayDeque<>();

    SendLimiter(int limit, long windowNanos, int heartbeatReserve, LongSupplier clock) {
        if (heartbeatReserve + BACKGROUND_HEADROOM >= limit) {
            throw new IllegalArgumentException("reserve and background headroom must leave room for other payloads");
        }
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.reserve = heartbeatReserve;
        this.clock = clock;
    }

    static SendLimiter discord() {
        return new SendLimiter(DISCORD_LIMIT, DISCORD_WINDOW_NANOS, HEARTBEAT_RESERVE, System::nanoTime);
    }

    /** Takes a slot if one is free for this kind of payload; returns whether it did. */
    boolean tryAcquire(boolean heartbeat) {
        return acquire(heartbeat ? limit : limit - reserve);
    }

    /**
     * Takes a slot for a background payload (op 8 member requests) only while {@link #BACKGROUND_HEADROOM} more
     * ordinary slots stay free, so a long run of member requests never delays a voice join by a minute.
     */
    boolean tryAcquireBackground() {
        return acquire(limit - reserve - BACKGROUND_HEADROOM);
    }

    /** Ordinary slots per window a background payload leaves free (of 117 with Discord's numbers). */
    static final int BACKGROUND_HEADROOM = 40;

    private boolean acquire(int allowed) {
        long now = clock.getAsLong();
        expire(now);
        if (sent.size() >= allowed) {
            return false;
        }
        sent.addLast(now);
        return true;
    }

    /** How long until {@link #tryAcquire} can succeed for an ordinary payload; 0 when it can now. */
    long nanosUntilFree() {
        return nanosUntilFree(limit - reserve);
    }

    /** How long until {@link #tryAcquireBackground} can succeed; 0 when it can now. */
    long nanosUntilBackgroundFree() {
        return nanosUntilFree(limit - reserve - BACKGROUND_HEADROOM);
    }

    private long nanosUntilFree(int allowed) {
        long now = clock.getAsLong();
        expire(now);
        if (sent.size() < allowed) {
            return 0;
        }
        // The slot frees when the send (size - allowed) places from the oldest leaves the window.
        int index = sent.size() - allowed;
        long oldestThatMustExpire = sent.stream().skip(index).findFirst().orElse(now);
        return Math.max(1, oldestThatMustExpire + windowNanos - now);
    }

    int inWindow() {
        expire(clock.getAsLong());
        return sent.size();
    }

    private void expire(long now) {
        while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
            sent.pollFirst();
        }
    }
}
