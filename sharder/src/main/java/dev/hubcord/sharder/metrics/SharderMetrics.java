package dev.hubcord.sharder.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.function.Supplier;

/**
 * The sharder's counters, in a Prometheus registry ({@code /metrics} when the HTTP port is on). The
 * counters are also read directly by tests and the benchmark.
 */
public final class SharderMetrics {

    private final PrometheusMeterRegistry registry;
    private final Counter dispatches = counter("sharder_dispatches_total", "Discord dispatches received");
    private final Counter cacheEntities = counter("sharder_cache_entities_total", "op 5 entities handed to the hub client");
    private final Counter commands = counter("sharder_commands_total", "EXECUTE_COMMAND events forwarded");
    private final Counter eventsLost = counter("sharder_events_lost_total",
            "events refused by the full hub buffer (commands, voice, dispatches, statuses)");
    private final Counter cacheOverflow = counter("sharder_cache_overflow_total",
            "op 5 entities refused by the full hub buffer (their guilds are resent)");
    private final Counter guildsResent = counter("sharder_guilds_resent_total", "guilds sent to the hub again in full");
    private final Counter gatewaySends = counter("sharder_gateway_sends_total", "GATEWAY_SEND payloads written to Discord");
    private final Counter gatewaySendsRefused = counter("sharder_gateway_sends_refused_total",
            "GATEWAY_SEND payloads refused (bad op, over 4096 bytes, shard not here, queue full)");

    private final Counter memberRequests = counter("sharder_member_requests_total",
            "op 8 full member list requests sent to Discord");
    private final Counter memberChunks = counter("sharder_member_chunks_total", "GUILD_MEMBERS_CHUNK dispatches received");
    private final Counter membersReceived = counter("sharder_members_received_total",
            "members received in GUILD_MEMBERS_CHUNK dispatches");
    private final Counter memberRequestsRateLimited = counter("sharder_member_requests_rate_limited_total",
            "op 8 requests Discord answered with RATE_LIMITED (each is sent again after retry_after)");
    private final Counter memberRequestsTimedOut = counter("sharder_member_requests_timed_out_total",
            "op 8 requests given up without their last chunk after SHARDER_MEMBER_REQUEST_TIMEOUT_MS");

    /** In a registry of its own. */
    public SharderMetrics() {
        this(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** In the process's registry, beside the JVM meters. */
    public SharderMetrics(PrometheusMeterRegistry registry) {
        // set before super(): the counter fields' initialisers below register in it
        this.registry = registry;
        super();
    }

    private Counter counter(String name, String help) {
        return Counter.builder(name).description(help).register(registry);
    }

    public void gauge(String name, String help, Supplier<Number> value) {
        Gauge.builder(name, value).description(help).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    public String scrape() {
        return registry.scrape();
    }

    public void dispatchReceived() {
        dispatches.increment();
    }

    public void cacheEntitySent() {
        cacheEntities.increment();
    }

    public void commandForwarded() {
        commands.increment();
    }

    public void eventLost() {
        eventsLost.increment();
    }

    public void cacheOverflow() {
        cacheOverflow.increment();
    }

    public void guildsResent(int n) {
        guildsResent.increment(n);
    }

    public void gatewaySent() {
        gatewaySends.increment();
    }

    public void gatewaySendRefused() {
        gatewaySendsRefused.increment();
    }

    public void memberRequestSent() {
        memberRequests.increment();
    }

    public void memberChunk(int members) {
        memberChunks.increment();
        membersReceived.increment(members);
    }

    public void memberRequestRateLimited() {
        memberRequestsRateLimited.increment();
    }

    public void memberRequestTimedOut() {
        memberRequestsTimedOut.increment();
    }

    public long memberRequests() {
        return (long) memberRequests.count();
    }

    public long membersReceived() {
        return (long) membersReceived.count();
    }

    public long memberRequestsRateLimited() {
        return (long) memberRequestsRateLimited.count();
    }

    public long dispatches() {
        return (long) dispatches.count();
    }

    public long cacheOverflows() {
        return (long) cacheOverflow.count();
    }

    public long guildsResent() {
        return (long) guildsResent.count();
    }
}
