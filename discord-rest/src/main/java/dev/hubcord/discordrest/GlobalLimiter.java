package dev.hubcord.discordrest;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Discord's global limit (50 requests per second per token by default) as a sliding log, so no one-second window,
 * however aligned, sees more; and the pause a global 429 imposes on every route that counts toward it.
 */
final class GlobalLimiter {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final ArrayDeque<Long> sent = new ArrayDeque<>();
    private volatile int limit;
    private final long windowNanos;
    private volatile long pausedUntilNanos;

    GlobalLimiter(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Waits for a slot: first for any global pause, then for room in the sliding window. */
    void acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = System.nanoTime();
                long pause = pausedUntilNanos - now;
                if (pause > 0) {
                    TimeUnit.NANOSECONDS.sleep(pause);
                    continue;
                }
                while (!sent.isEmpty() && now - sent.peekFirst() >= windowNanos) {
                    sent.pollFirst();
                }
                if (sent.size() < limit) {
                    sent.addLast(now);
                    return;
                }
                TimeUnit.NANOSECONDS.sleep(sent.peekFirst() + windowNanos - now);
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Counts a request sent on someone else's permit (the hub's), without waiting: should the hub go away, the
     * sliding window already holds what this process sent in the last second. At most 1,024 entries are kept.
     */
    void record() {
        lock.lock();
        try {
            long now = System.nanoTime();
            while (!sent.isEmpty() && (now - sent.peekFirst() >= windowNanos || sent.size() >= 1_024)) {
                sent.pollFirst();
            }
            sent.addLast(now);
        } finally {
            lock.unlock();
        }
    }

    /** After a global 429: every non-exempt request waits {@code seconds}. */
    void pause(double seconds) {
        long until = System.nanoTime() + (long) (seconds * 1e9);
        synchronized (this) {
            if (until - pausedUntilNanos > 0) {
                pausedUntilNanos = until;
            }
        }
    }

    /** Takes effect for the next request; requests already in the window stay counted. */
    void limit(int perWindow) {
        this.limit = perWindow;
    }

    int limit() {
        return limit;
    }

    boolean paused() {
        return pausedUntilNanos - System.nanoTime() > 0;
    }
}
