package dev.hubcord.sharder.gateway;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Delays between a shard's reconnect attempts: 0-250 ms after a first failure, then 1, 2, 4 ... 30 s, each with
 * jitter so that shards dropped together do not come back together. Reset by a READY or RESUMED.
 */
final class ReconnectBackoff {

    private int attempt;

    long nextMillis() {
        int n = attempt++;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (n == 0) {
            return random.nextLong(0, 251);
        }
        long base = Math.min(30_000, 1_000L << Math.min(n - 1, 5));
        return base / 2 + random.nextLong(base / 2 + 1);
    }

    void reset() {
        attempt = 0;
    }
}
