package dev.hubcord.cache;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import dev.hubcord.cache.store.StateView;

/**
 * Publishes the cache's sizes ({@code hubcord.cache.size{entity=...}}) and evictions
 * ({@code hubcord.cache.evictions{entity=...}}) to Micrometer. Values are computed when scraped.
 */
public final class CacheMetrics implements MeterBinder {

    private final StateView view;

    public CacheMetrics(DiscordCache cache) {
        this.view = cache.stats();
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        size(registry, "guild", StateView::guildCount);
        size(registry, "channel", StateView::channelCount);
        size(registry, "role", StateView::roleCount);
        size(registry, "member", StateView::memberCount);
        size(registry, "user", StateView::userCount);
        size(registry, "voiceState", StateView::voiceStateCount);
        evictions(registry, "member", StateView::evictedMembers);
        evictions(registry, "memberSegment", StateView::evictedSegments);
        evictions(registry, "user", StateView::evictedOrphanUsers);
    }

    private void size(MeterRegistry registry, String entity, java.util.function.ToLongFunction<StateView> f) {
        Gauge.builder("hubcord.cache.size", view, v -> f.applyAsLong(v))
                .tag("entity", entity).description("entities held by the Discord cache").register(registry);
    }

    private void evictions(MeterRegistry registry, String entity, java.util.function.ToLongFunction<StateView> f) {
        FunctionCounter.builder("hubcord.cache.evictions", view, v -> f.applyAsLong(v))
                .tag("entity", entity).description("entities the Discord cache evicted to stay in budget")
                .register(registry);
    }
}
