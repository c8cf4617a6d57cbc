package dev.hubcord.discordrest;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Discord's global limit (50 requests per second per token by default) as a sliding log, so no one-second window,
 * however aligned, sees more; and the pause a global 429 imposes on every route that counts toward it.
 *
 * <p>A request takes a slot when it goes out and holds it until its answer, then for one window from the answer:
 * it reached Discord before its answer came, so however late it travelled (a slow network, a starved CPU), no
 * window at Discord's end holds more than the limit. The hub counts its permits the same way.
 */
final class GlobalLimiter {

    /** A slot whose answer never comes (its caller died) stops counting this long after it was taken. */
    private static final long LOST_NANOS = TimeUnit.SECONDS.toNanos(60);
    /** How soon to look again when every slot is held by a request still out. */
    private static final long OUT_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
    /** The most slots recorded without waiting ({@link #record}, {@link #fill}). */
    private static final int MAX_RECORDED = 1_024;

    /** One request: when it counts from (its answer, or when it went out), and whether it is answered. */
    static final class Slot {
        private long atNanos;
        private boolean answered;

        private Slot(long atNanos, boolean answered) {
            this.atNanos = atNanos;
            this.answered = answered;
        }
    }

    private final ReentrantLock lock = new ReentrantLock(true);
    /** Waiting releases the lock, so that answers are stamped on time while others wait for room. */
    private final Condition waiting = lock.newCondition();
    private final List<Slot> slots = new ArrayList<>();
    private volatile int limit;
    private final long windowNanos;
    private volatile long pausedUntilNanos;

    GlobalLimiter(int limit, Duration window) {
        this.limit = limit;
        this.windowNanos = window.toNanos();
    }

    /** Waits for a slot: first for any global pause, then for room in the sliding window. */
    Slot acquire() throws InterruptedException {
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = System.nanoTime();
                long pause = pausedUntilNanos - now;
                if (pause > 0) {
                    waiting.awaitNanos(pause);
                    continue;
                }
                expire(now);
                if (slots.size() < limit) {
                    Slot s = new Slot(now, false);
                    slots.add(s);
                    return s;
                }
                waiting.awaitNanos(untilRoom(now));
            }
        } finally {
            lock.unlock();
        }
    }

    /** The slot's request was answered (or failed): it counts for one window from now. Idempotent. */
    void answered(Slot slot) {
        lock.lock();
        try {
            if (!slot.answered) {
                slot.atNanos = System.nanoTime();
                slot.answered = true;
            }
        } finally {
            lock.unlock();
        }
    }

    /**
     * Counts a request sent on someone else's permit (the hub's), without waiting: should the hub go away, the
     * sliding window already holds what this process sent. {@link #answered} follows like for an acquired slot.
     */
    Slot record() {
        lock.lock();
        try {
            expire(System.nanoTime());
            trim();
            Slot s = new Slot(System.nanoTime(), false);
            slots.add(s);
            return s;
        } finally {
            lock.unlock();
        }
    }

    /**
     * Fills the window to {@code count} slots answered now: the requests other processes may have sent in the last
     * window, which this one cannot see, as if they were its own.
     */
    void fill(int count) {
        lock.lock();
        try {
            long now = System.nanoTime();
            expire(now);
            while (slots.size() < Math.min(count, MAX_RECORDED)) {
                slots.add(new Slot(now, true));
            }
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

    /** Slots counted now (for tests). */
    int held() {
        lock.lock();
        try {
            expire(System.nanoTime());
            return slots.size();
        } finally {
            lock.unlock();
        }
    }

    private long untilRoom(long now) {
        // look again when the first answered slot expires, or soon while one is still out (its answer may come)
        long earliest = Long.MAX_VALUE;
        for (Slot s : slots) {
            earliest = Math.min(earliest, s.answered ? s.atNanos + windowNanos - now : OUT_POLL_NANOS);
        }
        return Math.max(1, earliest);
    }

    private void expire(long now) {
        slots.removeIf(s -> now - (s.atNanos + (s.answered ? windowNanos : LOST_NANOS)) >= 0);
    }

    /** Keeps the recorded slots bounded: drops the one answered first (it would expire first). */
    private void trim() {
        while (slots.size() >= MAX_RECORDED) {
            Slot first = slots.getFirst();
            for (Slot s : slots) {
                if (s.answered && (!first.answered || s.atNanos < first.atNanos)) {
                    first = s;
                }
            }
            slots.remove(first);
        }
    }
}
