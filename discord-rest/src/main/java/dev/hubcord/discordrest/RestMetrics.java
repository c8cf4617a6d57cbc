package dev.hubcord.discordrest;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The client's meters, named for Prometheus: {@code discord_rest_requests_total{route,status}} (status 0: no
 * answer), {@code discord_rest_429_total{scope}}, {@code discord_rest_permit_wait_seconds} (time spent waiting for
 * the limiter, coordinated or not) and {@code discord_rest_invalid_requests} (the 10-minute invalid-request count).
 * The route tag is the route key with IDs replaced ({@code POST /channels/:channel/messages}), so its values are
 * bounded by the routes the code calls.
 */
final class RestMetrics {

    private final MeterRegistry registry;
    private final Timer permitWait;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    RestMetrics(MeterRegistry registry, RateLimits limits) {
        this.registry = registry;
        this.permitWait = Timer.builder("discord.rest.permit.wait")
                .description("time a request waited for a rate-limit permit")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
        Gauge.builder("discord.rest.invalid.requests", limits, RateLimits::invalidRequestCount)
                .description("401/403/429 responses in the last 10 minutes (Discord bans the IP at 10,000)")
                .register(registry);
        // Discord's three X-RateLimit-Scope values exist from the start at 0, so dashboards and rate() see them
        for (String scope : new String[] {"user", "global", "shared"}) {
            rateLimitedCounter(scope);
        }
    }

    void permitWait(long nanos) {
        permitWait.record(nanos, TimeUnit.NANOSECONDS);
    }

    void response(Route route, int status) {
        counters.computeIfAbsent(route.key() + "|" + status, k -> Counter.builder("discord.rest.requests")
                .description("Discord REST requests by route and status (0: no answer)")
                .tag("route", route.key()).tag("status", Integer.toString(status))
                .register(registry)).increment();
    }

    void rateLimited(String scope) {
        rateLimitedCounter(scope).increment();
    }

    private Counter rateLimitedCounter(String scope) {
        return counters.computeIfAbsent("429|" + scope, k -> Counter.builder("discord.rest.429")
                .description("429 responses by X-RateLimit-Scope (cloudflare: the IP ban)")
                .tag("scope", scope).register(registry));
    }
}
