package dev.hubcord.hub.status;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;

/**
 * Events routed per second, by event name, from the {@code hub_events_routed} counters: each {@link #sample()} at
 * least a second after the previous one measures the interval between them; an earlier call gets the previous
 * answer again, so several open status pages share one measurement instead of each seeing a noisy sub-second one.
 * Holds one count per event type (a closed set), so its memory is bounded.
 */
public final class EventRates {

    static final long MIN_INTERVAL_NANOS = TimeUnit.SECONDS.toNanos(1);

    /**
     * @param intervalMs the interval measured (0 before the first one)
     * @param perSecond events per second by name, only those above zero, rounded to two decimals
     */
    public record Rates(long intervalMs, Map<String, Double> perSecond) {}

    private final MeterRegistry registry;
    private long lastNanos;
    private Map<String, Double> lastCounts;
    private Rates current = new Rates(0, Map.of());

    public EventRates(MeterRegistry registry) {
        this.registry = registry;
        this.lastNanos = System.nanoTime();
        this.lastCounts = counts();
    }

    public Rates sample() {
        return sample(System.nanoTime());
    }

    synchronized Rates sample(long nowNanos) {
        long elapsed = nowNanos - lastNanos;
        if (elapsed < MIN_INTERVAL_NANOS) {
            return current;
        }
        Map<String, Double> counts = counts();
        Map<String, Double> perSecond = new TreeMap<>();
        double seconds = elapsed / 1e9;
        counts.forEach((event, count) -> {
            double delta = count - lastCounts.getOrDefault(event, 0.0);
            if (delta > 0) {
                perSecond.put(event, Math.round(delta / seconds * 100) / 100.0);
            }
        });
        lastNanos = nowNanos;
        lastCounts = counts;
        current = new Rates(TimeUnit.NANOSECONDS.toMillis(elapsed), java.util.Collections.unmodifiableMap(perSecond));
        return current;
    }

    private Map<String, Double> counts() {
        Map<String, Double> out = new TreeMap<>();
        for (Counter c : registry.find("hub_events_routed").counters()) {
            String event = c.getId().getTag("event");
            if (event != null) {
                out.put(event, c.count());
            }
        }
        return out;
    }
}
