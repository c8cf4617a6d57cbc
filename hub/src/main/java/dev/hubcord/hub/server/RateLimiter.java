package dev.hubcord.hub.server;

/**
 * A token bucket per connection: {@code rate} payloads per second with bursts of {@code burst}.
 * Taking a token from an empty bucket goes into debt instead of failing, because the payload has
 * already arrived and must not be lost: the caller stops reading from the connection until the
 * debt is paid ({@link #nanosUntilSolvent}). The caller closes a connection only when it has been
 * over its rate without a break for a grace period ({@link #overRateFor}): a hub that stalls and
 * then reads a backlog slows its clients down for a moment, while a client stuck in a loop is still
 * closed. Confined to the connection's event loop.
 */
final class RateLimiter {

    private static final long NOT_OVER = Long.MIN_VALUE;

    private final double ratePerNano;
    private final double burst;
    /** Tokens the bucket must hold again (a quarter second of quota) before a client counts as back under its rate. */
    private final double recoveryTokens;
    private double tokens;
    private long last;
    private long overSince = NOT_OVER;

    RateLimiter(int ratePerSecond, int burst, long now) {
        this.ratePerNano = ratePerSecond / 1e9;
        this.burst = burst;
        this.recoveryTokens = Math.min(burst, Math.max(1, ratePerSecond / 4.0));
        this.tokens = burst;
        this.last = now;
    }

    /**
     * Takes one token. Returns {@code true} while within the limit; {@code false} when the bucket is
     * in debt. Reading pauses until the debt is paid, so a client that keeps the pipe full holds the
     * bucket near empty, while one that has slowed down lets it refill: only a refill to a quarter
     * second of quota ends its time over the rate, which scheduling delays alone never reach.
     */
    boolean acquire(long now) {
        tokens = Math.min(burst, tokens + (now - last) * ratePerNano);
        last = now;
        if (tokens >= recoveryTokens) {
            overSince = NOT_OVER;
        }
        tokens -= 1;
        if (tokens >= 0) {
            return true;
        }
        if (overSince == NOT_OVER) {
            overSince = now;
        }
        return false;
    }

    /** How long the connection has been over its rate without a break; 0 when it is not. */
    long overRateFor(long now) {
        return overSince == NOT_OVER ? 0 : now - overSince;
    }

    /** How long until the debt is paid at the refill rate. */
    long nanosUntilSolvent() {
        return tokens >= 0 ? 0 : (long) Math.ceil(-tokens / ratePerNano);
    }
}
