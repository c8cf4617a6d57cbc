package dev.hubcord.commands.exec;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Per (command, user) cooldowns, in this worker's memory: with several workers a user may get one extra use per
 * worker, which is acceptable for a courtesy limit. Stale entries are dropped as the map grows.
 */
final class Cooldowns {

    private final Map<String, Long> until = new ConcurrentHashMap<>();
    private final Clock clock;

    Cooldowns(Clock clock) {
        this.clock = clock;
    }

    /** Starts the cooldown and returns zero, or returns how long is left when it runs. */
    Duration tryUse(String command, String user, Duration cooldown) {
        if (cooldown.isZero()) {
            return Duration.ZERO;
        }
        long now = clock.millis();
        if (until.size() > 10_000) {
            until.values().removeIf(t -> t <= now);
        }
        String key = command + "|" + user;
        long[] left = {0};
        until.compute(key, (k, end) -> {
            if (end != null && end > now) {
                left[0] = end - now;
                return end;
            }
            return now + cooldown.toMillis();
        });
        return Duration.ofMillis(left[0]);
    }
}
