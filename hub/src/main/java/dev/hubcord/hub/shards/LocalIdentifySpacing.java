package dev.hubcord.hub.shards;

import java.util.HashMap;
import java.util.Map;
import java.util.function.LongSupplier;

/** The single-process spacing: the time of each bucket's last grant, in this process's memory. */
public final class LocalIdentifySpacing implements IdentifySpacing {

    private final Map<Integer, Long> lastGrant = new HashMap<>();
    private final LongSupplier clock;

    public LocalIdentifySpacing() {
        this(System::nanoTime);
    }

    LocalIdentifySpacing(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public synchronized long tryTake(int bucket, long intervalNanos) {
        long now = clock.getAsLong();
        Long last = lastGrant.get(bucket);
        if (last != null && now - last < intervalNanos) {
            return intervalNanos - (now - last);
        }
        lastGrant.put(bucket, now);
        return 0;
    }
}
