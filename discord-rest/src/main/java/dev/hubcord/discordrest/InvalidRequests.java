package dev.hubcord.discordrest;

import java.time.Duration;
import java.util.ArrayDeque;

/**
 * Counts the responses Discord counts toward its invalid-request limit (401, 403, and 429 except scope
 * {@code shared}) over a sliding 10 minutes. At the cap, requests are refused locally: Discord would ban the IP for
 * a day at 10,000.
 */
final class InvalidRequests {

    private static final long WINDOW_NANOS = Duration.ofMinutes(10).toNanos();

    private final ArrayDeque<Long> times = new ArrayDeque<>();
    private final int cap;

    InvalidRequests(int cap) {
        this.cap = cap;
    }

    synchronized void record() {
        times.addLast(System.nanoTime());
    }

    /** @throws DiscordRestException {@code INVALID_REQUEST_CAP} while the cap is reached */
    synchronized void check() {
        long now = System.nanoTime();
        while (!times.isEmpty() && now - times.peekFirst() >= WINDOW_NANOS) {
            times.pollFirst();
        }
        if (times.size() >= cap) {
            throw new DiscordRestException(DiscordRestException.Kind.INVALID_REQUEST_CAP,
                    times.size() + " invalid requests (401/403/429) in the last 10 minutes: refusing requests for now",
                    null);
        }
    }

    synchronized int count() {
        return times.size();
    }
}
