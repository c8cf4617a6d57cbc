package dev.hubcord.protocol.client.internal;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.DoubleSupplier;

/**
 * Jittered exponential reconnect delays: attempt {@code n} waits a random time between half and all
 * of {@code min(max, base * 2^n)}. The jitter keeps a fleet of services that lost the hub at the same
 * moment from reconnecting in lockstep; the lower half bound keeps the delay growing.
 */
final class Backoff {

    private final long baseNanos;
    private final long maxNanos;
    private final DoubleSupplier random;

    Backoff(Duration base, Duration max, DoubleSupplier random) {
        if (base.isNegative() || base.isZero() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 < base <= max");
        }
        this.baseNanos = base.toNanos();
        this.maxNanos = max.toNanos();
        this.random = random;
    }

    Backoff(Duration base, Duration max) {
        this(base, max, () -> ThreadLocalRandom.current().nextDouble());
    }

    /** The delay before reconnect attempt {@code attempt} (0 for the first retry). */
    Duration delay(int attempt) {
        long ceiling = ceiling(Math.max(0, attempt));
        double r = random.getAsDouble();
        long nanos = ceiling / 2 + (long) ((ceiling - ceiling / 2) * r);
        return Duration.ofNanos(Math.min(nanos, maxNanos));
    }

    /** {@code min(max, base * 2^attempt)} without overflowing. */
    long ceiling(int attempt) {
        if (attempt >= 62 || baseNanos > (maxNanos >> Math.min(attempt, 62))) {
            return maxNanos;
        }
        return Math.min(maxNanos, baseNanos << attempt);
    }
}
