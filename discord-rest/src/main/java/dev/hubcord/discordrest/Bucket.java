package dev.hubcord.discordrest;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One rate-limit bucket: what the last response said ({@code X-RateLimit-Remaining}, {@code Reset-After}). Requests
 * of a bucket go one at a time, in arrival order (a fair lock), so each sees the headers of the one before it and
 * none is sent into an empty bucket: the first request of an unknown bucket goes alone, later ones wait for it.
 */
final class Bucket {

    private final ReentrantLock lock = new ReentrantLock(true);
    private final long marginNanos;
    private int remaining = -1;     // -1 = unknown (no headers yet)
    private long resetAtNanos;      // when the window resets; meaningful when remaining == 0
    private volatile long lastUsedNanos = System.nanoTime();

    Bucket(Duration margin) {
        this.marginNanos = margin.toNanos();
    }

    void lock() throws InterruptedException {
        lock.lockInterruptibly();
        lastUsedNanos = System.nanoTime();
    }

    void unlock() {
        lastUsedNanos = System.nanoTime();
        lock.unlock();
    }

    /** Waits, holding the lock, until the bucket has room; the reset is taken with a small margin for clock edges. */
    void awaitRoom() throws InterruptedException {
        while (remaining == 0) {
            long wait = resetAtNanos + marginNanos - System.nanoTime();
            if (wait <= 0) {
                remaining = -1; // a new window: the next response tells us its size
                return;
            }
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }

    /** Records a response's headers (only when it had bucket headers). */
    void update(int newRemaining, double resetAfterSeconds) {
        remaining = Math.max(0, newRemaining);
        resetAtNanos = System.nanoTime() + (long) (resetAfterSeconds * 1e9);
    }

    /** After a per-route or shared 429: nothing more until {@code retryAfterSeconds} have passed. */
    void block(double retryAfterSeconds) {
        remaining = 0;
        resetAtNanos = Math.max(resetAtNanos, System.nanoTime() + (long) (retryAfterSeconds * 1e9));
    }

    /** Copies another bucket's state (when a route's bucket hash becomes known). */
    void copyFrom(Bucket other) {
        this.remaining = other.remaining;
        this.resetAtNanos = other.resetAtNanos;
    }

    boolean idleFor(long nanos) {
        return !lock.isLocked() && !lock.hasQueuedThreads() && System.nanoTime() - lastUsedNanos > nanos;
    }
}
