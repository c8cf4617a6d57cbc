package dev.hubcord.discordsim.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test control: answer the next requests of a bucket late. The request takes effect at once and only its response
 * waits, which is what a client sees when Discord is slow: a timeout whose outcome is unknown. One entry per bucket
 * name, and only configured names are accepted ({@link Rest#delay}), so the map is bounded by the buckets.
 */
final class RestDelays {

    private record Delay(long millis, int remaining) {}

    private final Map<String, Delay> byBucket = new ConcurrentHashMap<>();

    /** Delays the next {@code count} responses of {@code bucket} by {@code millis}; a count of 0 clears it. */
    void set(String bucket, long millis, int count) {
        if (count <= 0 || millis <= 0) {
            byBucket.remove(bucket);
        } else {
            byBucket.put(bucket, new Delay(millis, count));
        }
    }

    /** The delay for this response of {@code bucket} (0 for none), using up one of the delayed responses. */
    long take(String bucket) {
        if (bucket == null) {
            return 0;
        }
        long[] millis = {0};
        byBucket.computeIfPresent(bucket, (b, d) -> {
            millis[0] = d.millis();
            return d.remaining() > 1 ? new Delay(d.millis(), d.remaining() - 1) : null;
        });
        return millis[0];
    }
}
