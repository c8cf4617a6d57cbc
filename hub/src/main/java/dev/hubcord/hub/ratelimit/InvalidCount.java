package dev.hubcord.hub.ratelimit;

import java.util.concurrent.TimeUnit;

/**
 * Invalid requests (401, 403, 429 except scope {@code shared}) over a sliding 10 minutes, in 600 one-second slots:
 * bounded memory however many arrive. Not thread-safe: its owner synchronizes.
 */
final class InvalidCount {

    private static final int SLOTS = 600;

    private final long[] second = new long[SLOTS];
    private final int[] count = new int[SLOTS];

    void record(long nowNanos) {
        long s = TimeUnit.NANOSECONDS.toSeconds(nowNanos);
        int i = (int) Math.floorMod(s, SLOTS);
        if (second[i] != s) {
            second[i] = s;
            count[i] = 0;
        }
        count[i]++;
    }

    int count(long nowNanos) {
        long s = TimeUnit.NANOSECONDS.toSeconds(nowNanos);
        int total = 0;
        for (int i = 0; i < SLOTS; i++) {
            if (count[i] > 0 && s - second[i] < SLOTS) {
                total += count[i];
            }
        }
        return total;
    }
}
