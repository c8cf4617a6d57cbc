package dev.hubcord.hub.metrics;

import dev.hubcord.hub.session.OutboundBounds;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.session.SessionRegistry;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.ServiceType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToDoubleFunction;

/** The hub's meters; counters are created once so the routing path only increments. */
public final class HubMetrics {

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<EventType, Counter> routed = new EnumMap<>(EventType.class);
    private final Counter redelivered;
    private final Counter pendingOverflow;
    private final Counter undeliverable;
    private final Counter closes;
    private final Counter throttled;
    private final Counter publishDuplicates;
    private final Counter publishAcks;
    private final Counter refusedTotal;
    private final Counter refusedPerAddress;
    private final Counter handshakeTimeouts;
    private final Counter identifyTimeouts;
    private final Counter producersPaused;
    /** Per route template (few, bounded), a timer per HTTP status 100–599, created on first use. */
    private final Map<String, java.util.concurrent.atomic.AtomicReferenceArray<Timer>> restTimers =
            new java.util.concurrent.ConcurrentHashMap<>();

    public HubMetrics(SessionRegistry sessions) {
        for (EventType type : EventType.values()) {
            routed.put(type, Counter.builder("hub_events_routed").tag("event", type.name())
                    .description("events routed, by name").register(registry));
        }
        for (ServiceType type : ServiceType.values()) {
            if (type == ServiceType.HUB) {
                continue;
            }
            Gauge.builder("hub_connections", sessions, s -> s.ofType(type).stream().filter(Session::isConnected).count())
                    .tag("type", type.wireName()).description("connected sessions, by service type").register(registry);
            Gauge.builder("hub_sessions", sessions, s -> s.ofType(type).size())
                    .tag("type", type.wireName()).description("live sessions (connected or resumable)").register(registry);
        }
        Gauge.builder("hub_acks_pending", sessions,
                        s -> s.all().stream().mapToLong(Session::unackedCount).sum())
                .description("events delivered and not yet acknowledged").register(registry);
        redelivered = Counter.builder("hub_events_redelivered")
                .description("events delivered again after their receiver's session ended").register(registry);
        pendingOverflow = Counter.builder("hub_events_pending_overflow")
                .description("events dropped because the queue for an absent receiver type was full").register(registry);
        undeliverable = Counter.builder("hub_events_undeliverable")
                .description("events with no possible receiver (unknown reply nonce, no subscriber)").register(registry);
        throttled = Counter.builder("hub_connections_throttled")
                .description("times the hub stopped reading from a client that was over its rate limit").register(registry);
        publishDuplicates = Counter.builder("hub_publish_duplicates")
                .description("op 2/op 5 payloads dropped because their ps was already taken (publisher acknowledgements)")
                .register(registry);
        publishAcks = Counter.builder("hub_publish_acks")
                .description("op 8 PUBLISH_ACK payloads sent").register(registry);
        closes = Counter.builder("hub_protocol_closes")
                .description("connections closed by the hub for a protocol error").register(registry);
        refusedTotal = Counter.builder("hub_connections_refused").tag("reason", "total")
                .description("connections refused over HUB_MAX_CONNECTIONS (total) or HUB_MAX_CONNECTIONS_PER_ADDRESS")
                .register(registry);
        refusedPerAddress = Counter.builder("hub_connections_refused").tag("reason", "address")
                .description("connections refused over HUB_MAX_CONNECTIONS (total) or HUB_MAX_CONNECTIONS_PER_ADDRESS")
                .register(registry);
        handshakeTimeouts = Counter.builder("hub_handshake_timeouts")
                .description("connections closed for not completing an HTTP request or upgrade in time").register(registry);
        identifyTimeouts = Counter.builder("hub_identify_timeouts")
                .description("WebSockets closed with 4000 for not identifying in time").register(registry);
        producersPaused = Counter.builder("hub_producers_paused")
                .description("times the hub stopped reading a client because its events could go nowhere or it did"
                        + " not read what the hub sent").register(registry);
    }

    /** Publishes the outbound backlog totals and the slow-consumer count. */
    public void outbound(OutboundBounds bounds) {
        Gauge.builder("hub_outbound_backlog_bytes", bounds, b -> b.queuedBytes().get())
                .description("bytes queued for clients whose sockets are not writable, all connections").register(registry);
        Gauge.builder("hub_outbound_backlog_payloads", bounds, b -> b.queuedPayloads().get())
                .description("payloads queued for clients whose sockets are not writable, all connections")
                .register(registry);
        FunctionCounter.builder("hub_slow_consumers_closed", bounds, b -> b.slowConsumersClosed().sum())
                .description("connections closed with 4011 because their outbound backlog reached its bound")
                .register(registry);
        FunctionCounter.builder("hub_events_held_back", bounds, b -> b.heldBack().sum())
                .description("times routing passed a client over because its outbound backlog was full")
                .register(registry);
    }

    public void refused(boolean perAddress) {
        (perAddress ? refusedPerAddress : refusedTotal).increment();
    }

    public void handshakeTimeout() {
        handshakeTimeouts.increment();
    }

    public void identifyTimeout() {
        identifyTimeouts.increment();
    }

    public void producerPaused() {
        producersPaused.increment();
    }

    public void routed(EventType type) {
        routed.get(type).increment();
    }

    public void redelivered() {
        redelivered.increment();
    }

    public void pendingOverflow() {
        pendingOverflow.increment();
    }

    public void undeliverable() {
        undeliverable.increment();
    }

    /**
     * Records one REST request under its route template (IDs replaced by {@code {id}}, so the number
     * of series stays bounded; unknown paths all count as {@code unmatched}).
     */
    public void restRequest(String route, int status, long nanos) {
        int slot = Math.clamp(status, 100, 599) - 100;
        var byStatus = restTimers.get(route);
        if (byStatus == null) {
            byStatus = restTimers.computeIfAbsent(route, r -> new java.util.concurrent.atomic.AtomicReferenceArray<>(500));
        }
        Timer timer = byStatus.get(slot);
        if (timer == null) {
            // registering the same name and tags again returns the registered timer, so a race is harmless
            timer = Timer.builder("hub_rest_requests")
                    .description("REST requests by route and status")
                    .tag("route", route)
                    .tag("status", Integer.toString(slot + 100))
                    .publishPercentileHistogram()
                    .register(registry);
            byStatus.set(slot, timer);
        }
        timer.record(nanos, java.util.concurrent.TimeUnit.NANOSECONDS);
    }

    public void throttled() {
        throttled.increment();
    }

    public double throttledCount() {
        return throttled.count();
    }

    public void publishDuplicate() {
        publishDuplicates.increment();
    }

    public double publishDuplicateCount() {
        return publishDuplicates.count();
    }

    public void publishAckSent() {
        publishAcks.increment();
    }

    public void protocolClose() {
        closes.increment();
    }

    /** Registers a gauge owned by another component. */
    public <T> void gauge(String name, String description, T owner, ToDoubleFunction<T> value) {
        Gauge.builder(name, owner, value).description(description).register(registry);
    }

    public MeterRegistry registry() {
        return registry;
    }

    /** The Prometheus text exposition. */
    public String scrape() {
        return registry.scrape();
    }
}
