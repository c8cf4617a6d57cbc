package dev.hubcord.sharder;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.sharder.config.SharderConfig;
import dev.hubcord.sharder.discord.DiscordRest;
import dev.hubcord.sharder.discord.GatewayBot;
import dev.hubcord.sharder.forward.BotIdentity;
import dev.hubcord.sharder.forward.DispatchForwarder;
import dev.hubcord.sharder.forward.GuildMirror;
import dev.hubcord.sharder.gateway.Shard;
import dev.hubcord.sharder.gateway.ShardManager;
import dev.hubcord.sharder.gateway.ShardOptions;
import dev.hubcord.sharder.gateway.ShardState;
import dev.hubcord.sharder.hub.HubLink;
import dev.hubcord.sharder.metrics.SharderMetrics;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running sharder: asks Discord for the gateway, connects to the hub as a sharder, and runs the
 * shards the hub assigns on one shared event loop group. Start with {@link #start}; {@link #close}
 * ends every Discord session (1000) and then the hub session.
 */
public final class Sharder implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Sharder.class);

    private final GatewayBot gatewayBot;
    private final EventLoopGroup group;
    private final SharderMetrics metrics;
    private final GuildMirror mirror;
    private final BotIdentity bot;
    private final HubLink hub;
    private final ShardManager shards;
    private final CompletableFuture<?> connected;

    private Sharder(SharderConfig config, GatewayBot gatewayBot, SharderMetrics metrics) {
        this.gatewayBot = gatewayBot;
        this.group = new MultiThreadIoEventLoopGroup(config.ioThreads(),
                new DefaultThreadFactory("sharder-gateway", true), NioIoHandler.newFactory());
        this.metrics = metrics;
        this.mirror = new GuildMirror();
        this.bot = new BotIdentity();
        ShardManager[] manager = new ShardManager[1];
        this.hub = new HubLink(config, gatewayBot, bot, mirror, metrics,
                () -> manager[0] == null ? 0 : manager[0].guildCount());
        DispatchForwarder forwarder = new DispatchForwarder(hub, mirror, bot, config.prefix(),
                new HashSet<>(config.dispatchEvents()), metrics);
        ShardOptions options = new ShardOptions(gatewayBot.url(), config.token(), config.intents(), config.compression(),
                config.largeThreshold(), config.readyTimeoutMs(), config.invalidSessionDelayMs(), config.sendQueue(),
                ShardOptions.DEFAULT_MAX_PAYLOAD_BYTES, 15_000, config.memberRequests());
        this.shards = new ShardManager(options, group, hub, forwarder, metrics);
        manager[0] = shards;
        metrics.gauge("sharder_shards", "shards this process runs", () -> shards.shards().size());
        metrics.gauge("sharder_guilds", "guilds on the running shards", shards::guildCount);
        metrics.gauge("sharder_hub_queued", "payloads waiting for the hub", hub::queued);
        metrics.gauge("sharder_hub_unconfirmed", "payloads handed to the hub client that the hub has not confirmed",
                hub::unconfirmed);
        metrics.gauge("sharder_hub_unconfirmed_bytes", "bytes of sharder_hub_unconfirmed", hub::unconfirmedBytes);
        metrics.gauge("sharder_mirror_members", "members remembered for resends", mirror::memberCount);
        metrics.gauge("sharder_member_requests_outstanding", "guilds waiting for their op 8 member request plus "
                + "requests whose chunks are still arriving", shards::memberRequestsOutstanding);
        for (ShardState state : ShardState.values()) {
            Gauge.builder("sharder_shards_by_state", () -> shards.shards().stream().filter(x -> x.state() == state).count())
                    .description("shards of this process in each state").tag("state", state.wireName())
                    .register(metrics.registry());
        }
        metrics.gauge("sharder_gateway_latency_max_seconds", "the highest heartbeat round trip among this process's "
                + "shards (0 before the first ACK)", () -> shards.shards().stream()
                .mapToLong(Shard::latencyMillis).max().orElse(0) / 1000.0);
        this.connected = hub.start(shards, forwarder);
    }

    /**
     * Reads {@code GET /gateway/bot} (retrying transient failures for up to 10 minutes) and starts.
     *
     * @throws SharderException {@code DISCORD_AUTH} for a refused token, {@code DISCORD_UNAVAILABLE},
     *     or {@code STARTUP} when the HTTP port cannot be bound
     */
    public static Sharder start(SharderConfig config) throws InterruptedException {
        return start(config, new PrometheusMeterRegistry(PrometheusConfig.DEFAULT));
    }

    /** As {@link #start(SharderConfig)}, with the sharder's meters in {@code registry} (the process's /metrics). */
    public static Sharder start(SharderConfig config, PrometheusMeterRegistry registry) throws InterruptedException {
        // made before the constructor, so the REST client's meters (discord_rest_*) are in the registry /metrics shows
        SharderMetrics metrics = new SharderMetrics(registry);
        GatewayBot gatewayBot = new DiscordRest(config.apiBase(), config.token(), metrics.registry())
                .gatewayBot(Duration.ofMinutes(10));
        log.info("event=gateway_bot url={} shards={} max_concurrency={} session_starts_remaining={}",
                gatewayBot.url(), gatewayBot.shards(), gatewayBot.maxConcurrency(), gatewayBot.sessionStartsRemaining());
        return new Sharder(config, gatewayBot, metrics);
    }

    /** Completes with the first hub IDENTIFIED; fails when the hub refuses the secret. */
    public CompletableFuture<?> connected() {
        return connected;
    }

    public GatewayBot gatewayBot() {
        return gatewayBot;
    }

    public ShardManager shards() {
        return shards;
    }

    public SharderMetrics metrics() {
        return metrics;
    }

    public HubLink hub() {
        return hub;
    }

    public GuildMirror mirror() {
        return mirror;
    }

    public BotIdentity bot() {
        return bot;
    }

    /** Readiness: the hub session is up and every shard assigned here is READY (at least one). */
    public boolean ready() {
        List<Shard> running = shards.shards();
        return hub.state().name().equals("CONNECTED") && !running.isEmpty()
                && running.stream().allMatch(x -> x.state() == ShardState.READY);
    }

    /** {@code {"status", "hub", "shards":[{shard, status, latency, guilds}]}}; status is "ok" while the hub session is up. */
    public String health() {
        ObjectNode h = Json.mapper().createObjectNode();
        h.put("status", hub.state().name().equals("CONNECTED") ? "ok" : "degraded");
        h.put("hub", hub.state().name());
        h.put("queued", hub.queued());
        ArrayNode list = h.putArray("shards");
        for (Shard shard : shards.shards()) {
            list.addObject().put("shard", shard.id()).put("status", shard.state().wireName())
                    .put("latency", shard.latencyMillis()).put("guilds", shard.guildCount());
        }
        return h.toString();
    }

    /** Ends every Discord session with 1000, then the hub session, and frees the threads. */
    @Override
    public void close() {
        shards.close();
        group.shutdownGracefully(200, 3_000, TimeUnit.MILLISECONDS).awaitUninterruptibly(5_000);
        hub.close();
        log.info("event=stopped");
    }
}
