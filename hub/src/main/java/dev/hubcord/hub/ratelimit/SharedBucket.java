package dev.hubcord.hub.ratelimit;

/**
 * The hub's view of one Discord bucket (per bucket hash, or per route before the hash is known, and major
 * parameter). Every grant takes one from {@code remaining} at once, before the request reaches Discord, so the
 * hub's count is never above Discord's; reports only lower it ({@link #report}).
 */
final class SharedBucket {

    /** {@code limit} of a route whose responses carry no bucket headers: only the global limit applies. */
    static final int UNLIMITED = Integer.MAX_VALUE;

    int limit = -1;              // -1: not known yet (the first request goes alone)
    int remaining;
    long resetAtNanos;           // the hub's reset: never before Discord's (margin, and max over reports)
    long rolledAtNanos;          // when the hub started the current window
    long windowNanos;            // longest Reset-After seen: the length of a fresh window
    long discoveryUntilNanos;    // while a discovery request is out, others wait (until its report or this time)

    boolean known() {
        return limit >= 0;
    }

    /** Starts a new window if the last one is over; returns the nanos to wait for room (0: room now). */
    long roomIn(long now, long marginNanos) {
        if (limit == UNLIMITED) {
            return 0;
        }
        if (now - resetAtNanos >= 0) {
            remaining = limit;
            rolledAtNanos = now;
            resetAtNanos = now + windowNanos + marginNanos;
        }
        return remaining > 0 ? 0 : resetAtNanos - now;
    }

    void take() {
        if (limit != UNLIMITED) {
            remaining--;
        }
    }

    /**
     * Learns a response's bucket headers. A report from a window the hub has already left (its reset lies before the
     * hub's roll) only teaches the limit: its {@code remaining} is stale.
     */
    void report(long now, int newLimit, int newRemaining, double resetAfter, long marginNanos) {
        long resetAfterNanos = (long) (resetAfter * 1e9);
        boolean discovery = !known() || limit == UNLIMITED;
        limit = Math.max(1, newLimit > 0 ? newLimit : newRemaining + 1);
        windowNanos = Math.max(windowNanos, resetAfterNanos);
        discoveryUntilNanos = 0;
        if (discovery) {
            remaining = newRemaining;
            rolledAtNanos = now;
            resetAtNanos = now + resetAfterNanos + marginNanos;
            return;
        }
        if (now + resetAfterNanos - rolledAtNanos < 0) {
            return;
        }
        remaining = Math.min(remaining, newRemaining);
        resetAtNanos = Math.max(resetAtNanos, now + resetAfterNanos + marginNanos);
    }

    /** A 2xx without bucket headers: the route has no bucket, only the global limit. */
    void noBucket() {
        if (!known()) {
            limit = UNLIMITED;
        }
        discoveryUntilNanos = 0;
    }

    /** A per-route or shared 429: nothing until {@code retryAfter} has passed. */
    void block(long now, double retryAfter, long marginNanos) {
        remaining = 0;
        resetAtNanos = Math.max(resetAtNanos, now + (long) (retryAfter * 1e9) + marginNanos);
        discoveryUntilNanos = 0;
        if (!known()) {
            limit = 1; // at least one request per window, until a report tells the size
        }
    }
}
