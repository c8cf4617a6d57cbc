package dev.hubcord.hub.server;

/**
 * A token bucket per connection: {@code rate} payloads per second with bursts of {@code burst}.
 * Confined to the connection's event loop.
 */
final class RateLimiter {

    private final double ratePerNano;
    private final double burst;
    private double tokens;
    private long last;

    RateLimiter(int ratePerSecond, int burst, long now) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.tokens = burst;
        this.last = now;
    }

    /** Takes one token; {@code false} when the bucket is empty. */
    boolean tryAcquire(long now) {
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }
}
