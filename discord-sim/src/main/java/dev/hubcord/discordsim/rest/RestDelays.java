package dev.hubcord.discordsim.rest;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Test control: answer the next requests of a bucket late. The request takes effect at once and only its response
 * waits, which is what a client sees when Discord is slow: a timeout whose outcome is unknown. One entry per bucket
 * name, and only configured names are accepted ({@link Rest#delay}), so the map is bounded by the buckets.
 */
final class RestDelays {

    /** {@code resourceId} 0 = any request of the bucket, else only those whose channel or guild it is. */
    private record Delay(long millis, int remaining, long resourceId) {

        boolean applies(String major) {
            String id = Long.toUnsignedString(resourceId);
            return resourceId == 0 || major.equals("channel:" + id) || major.equals("guild:" + id);
        }
    }

    private final Map<String, Delay> byBucket = new ConcurrentHashMap<>();

    /**
     * Delays the next {@code count} responses of {@code bucket} (in the channel or guild {@code resourceId}, 0 for
     * any) by {@code millis}; a count of 0 clears it.
     */
    void set(String bucket, long resourceId, long millis, int count) {
        if (count <= 0 || millis <= 0) {
            byBucket.remove(bucket);
        } else {
            byBucket.put(bucket, new Delay(millis, count, resourceId));
        }
    }

    /**
     * The delay for this response of {@code bucket} with this major parameter ({@code channel:<id>} ...), 0 for
     * none, using up one of the delayed responses.
     */
    long take(String bucket, String major) {
        if (bucket == null) {
            return 0;
        }
        long[] millis = {0};
        byBucket.computeIfPresent(bucket, (b, d) -> {
            if (!d.applies(major)) {
                return d;
            }
            millis[0] = d.millis();
            return d.remaining() > 1 ? new Delay(d.millis(), d.remaining() - 1, d.resourceId()) : null;
        });
        return millis[0];
    }
}
