package dev.hubcord.hub.ratelimit;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Discord's global limit for the deployment: at most {@code limit} requests in any window. A permit counts from its
 * grant until its sender reports Discord's answer, and from then on for one window from the report: the report
 * comes after the request reached Discord, so however late a request travelled after its grant, no window at
 * Discord's end holds more than {@code limit}. A permit never reported counts for {@code lostAfterNanos} after its
 * grant. Holds at most {@code limit} entries (plus fallback entries trimmed to the same size). Not thread-safe:
 * its owner synchronizes.
 */
final class GlobalWindow {

    /** How soon to ask again when the window is full of permits whose requests are still out. */
    static final long UNREPORTED_POLL_NANOS = 10_000_000;

    private int limit;
    private final long windowNanos;
    private final long lostAfterNanos;
    /** permit id → {time it counts from, whether it is reported}; ids of fallback entries are negative. */
    private final Map<Long, long[]> entries = new HashMap<>();
    /**
     * Permit ids start at a random point, so that an update for a permit of a hub instance before this one (sent just
     * as the connection dropped, delivered after the restart) names no permit of this one.
     */
    private long nextId = ThreadLocalRandom.current().nextLong(1, 1L << 52);
    private long nextFallbackId = -1;
    private long pausedUntilNanos;

    GlobalWindow(int limit, long windowNanos, long lostAfterNanos, long startNanos) {
        this.limit = limit;
        this.windowNanos = windowNanos;
        this.lostAfterNanos = lostAfterNanos;
        this.pausedUntilNanos = startNanos;
    }

    /** Nanos to wait for room (0: room now). */
    long waitNanos(long now) {
        long pause = pausedUntilNanos - now;
        if (pause > 0) {
            return pause;
        }
        expire(now);
        if (entries.size() < limit) {
            return 0;
        }
        long earliest = Long.MAX_VALUE;
        for (long[] e : entries.values()) {
            // an unreported permit frees a slot one window after its report, which may come any moment: poll soon
            earliest = Math.min(earliest, e[1] == 1 ? expiry(e) - now : UNREPORTED_POLL_NANOS);
        }
        return Math.max(1, earliest);
    }

    /** Takes a slot (after {@link #waitNanos} said 0); the id goes with the permit and comes back with its report. */
    long take(long now) {
        long id = nextId++;
        entries.put(id, new long[] {now, 0});
        return id;
    }

    /** The permit's request was answered: it counts for one window from now. Unknown ids are ignored. */
    void reported(long id, long now) {
        long[] e = entries.get(id);
        if (e != null) {
            e[0] = now;
            e[1] = 1;
        }
    }

    /** A request sent without a permit (a process's local share): counts for one window from now. */
    void fallback(long now) {
        charge(now, now);
    }

    /**
     * A request sent without a permit whose answer its sender had at {@code answeredNanos} (on this clock, at the
     * latest): it reached Discord before that, so counting it for one window from then covers it. Only the
     * {@code limit} latest-expiring entries are kept: an older one expires before any of them, so dropping it
     * changes no decision.
     */
    void charge(long answeredNanos, long now) {
        expire(now);
        if (now - (answeredNanos + windowNanos) >= 0) {
            return; // its window is over already
        }
        while (!entries.isEmpty() && entries.size() >= limit) {
            // full already: replace the entry that would expire first, keeping the size bounded
            Map.Entry<Long, long[]> first = null;
            for (Map.Entry<Long, long[]> e : entries.entrySet()) {
                if (first == null || expiry(e.getValue()) < expiry(first.getValue())) {
                    first = e;
                }
            }
            if (expiry(first.getValue()) - (answeredNanos + windowNanos) > 0) {
                return; // every entry held outlasts this one
            }
            entries.remove(first.getKey());
        }
        entries.put(nextFallbackId--, new long[] {answeredNanos, 1});
    }

    /** The bot's limit as the clients say it; permits already out stay counted. */
    void limit(int newLimit) {
        limit = Math.max(1, newLimit);
    }

    void pause(long untilNanos) {
        pausedUntilNanos = Math.max(pausedUntilNanos, untilNanos);
    }

    private long expiry(long[] e) {
        return e[0] + (e[1] == 1 ? windowNanos : lostAfterNanos);
    }

    private void expire(long now) {
        entries.values().removeIf(e -> now - expiry(e) >= 0);
    }
}
