package dev.hubcord.sharder.hub;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.AckMode;
import dev.hubcord.protocol.client.ConnectionState;
import dev.hubcord.protocol.client.GatewayInfo;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientException;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.sharder.config.SharderConfig;
import dev.hubcord.sharder.discord.GatewayBot;
import dev.hubcord.sharder.forward.BotIdentity;
import dev.hubcord.sharder.forward.DispatchForwarder;
import dev.hubcord.sharder.forward.GuildMirror;
import dev.hubcord.sharder.forward.HubSink;
import dev.hubcord.sharder.gateway.IdentifyPermits;
import dev.hubcord.sharder.gateway.Shard;
import dev.hubcord.sharder.gateway.ShardManager;
import dev.hubcord.sharder.metrics.SharderMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sharder's hub session. It identifies as a sharder with the gateway hint (read at every
 * IDENTIFY, so the bot's IDs go along once READY told them), runs the shards of each assignment,
 * passes IDENTIFY requests and grants between shards and the hub's gate (asking again after a resume
 * or a new session, since the hub drops requests of absent sessions), and executes GATEWAY_SEND.
 *
 * <p>Every payload goes through the {@link HubPacer}, which hands it to HubClient at the configured rate
 * while the session is up and fewer than a second's worth of payloads are unconfirmed. HubClient runs
 * with publisher acknowledgements: it holds each payload until the hub confirms it and sends again
 * what the hub had not taken after a resume, or everything it holds after a fresh IDENTIFY, so a hub
 * outage or restart loses nothing handed to it. Only the pacer's queue can overflow (a long outage):
 * a refused op 5 entity marks its guild dirty; dirty guilds are sent again, whole, from the
 * {@link GuildMirror} once the session is back; a refused event is counted and logged. A new session
 * (the hub restarted, or the old session expired) gets every guild again.
 */
public final class HubLink implements HubSink, IdentifyPermits, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubLink.class);
    private static final Set<Integer> GATEWAY_OPS = Set.of(3, 4, 8);
    /** Bytes HubClient may hold unconfirmed before the pacer waits (HubClient itself refuses at twice this). */
    private static final long UNCONFIRMED_BYTES_WINDOW = 32L * 1024 * 1024;

    private final HubClient client;
    private final GuildMirror mirror;
    private final SharderMetrics metrics;
    private final Set<Integer> outstandingGrants = ConcurrentHashMap.newKeySet();
    private final Set<Long> dirtyGuilds = ConcurrentHashMap.newKeySet();
    private final RefusalLog refusals = new RefusalLog(10, TimeUnit.SECONDS, this::queued);
    private final ExecutorService resender = Executors.newSingleThreadExecutor(
            Thread.ofVirtual().name("sharder-resend").factory());
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("sharder-status").factory());
    private final int statusIntervalMs;
    private final HubPacer<Outgoing> pacer;
    /** The pacer hands over payloads while fewer than this many are unconfirmed: about a second's worth. */
    private final int unconfirmedWindow;
    private volatile ShardManager shards;
    private volatile DispatchForwarder forwarder;

    /** One payload for the hub: an op 5 entity of a guild (event null) or an op 2 event. */
    private record Outgoing(long guildId, String event, Object data) {}

    public HubLink(SharderConfig config, GatewayBot gatewayBot, BotIdentity bot, GuildMirror mirror,
            SharderMetrics metrics, ShardCounter guilds) {
        this.mirror = mirror;
        this.metrics = metrics;
        this.statusIntervalMs = config.statusIntervalMs();
        HubClientOptions options = HubClientOptions.builder(config.hubUrl(), ServiceType.SHARDER, config.hubSecret())
                .name(config.name())
                .compression(config.hubCompression())
                .gateway(() -> new GatewayInfo(gatewayBot.shards(), gatewayBot.maxConcurrency(), bot.userId(),
                        bot.applicationId()))
                .statistics(() -> Map.of("guilds", guilds.guilds()))
                .ackMode(AckMode.MANUAL)
                // HubClient holds what it was handed until the hub confirms it; the pacer holds the rest
                // (a hub outage) and stops handing over at the window, so HubClient's own bound (twice
                // the window) is only reached by the few direct sends (IDENTIFY_REQUEST).
                .publishAcks(true)
                .sendBufferCapacity(2 * Math.max(1_000, config.hubRateLimit()))
                .sendBufferBytes(2 * UNCONFIRMED_BYTES_WINDOW)
                .reconnectDelay(Duration.ofMillis(Math.min(500, config.hubReconnectMaxMs())),
                        Duration.ofMillis(config.hubReconnectMaxMs()))
                .build();
        this.client = HubClient.create(options);
        this.unconfirmedWindow = Math.max(1_000, config.hubRateLimit());
        this.pacer = new HubPacer<>(config.hubRateLimit(), config.hubBuffer(), this::mayHandOver, this::deliver,
                this::undelivered, timer);
    }

    /** Heartbeat {@code guilds}: must be fast and must not block. */
    @FunctionalInterface
    public interface ShardCounter {
        int guilds();
    }

    /** Wires the shards and the forwarder in, then connects; the future completes with the first IDENTIFIED. */
    public CompletableFuture<?> start(ShardManager manager, DispatchForwarder dispatchForwarder) {
        this.shards = manager;
        this.forwarder = dispatchForwarder;
        client.addEventListener(this::onEvent);
        client.addConnectionListener(change -> log.info("event=hub_state from={} to={} code={} reason=\"{}\"",
                change.previous(), change.state(), change.closeCode(), change.reason()));
        client.addErrorListener(this::onError);
        timer.scheduleAtFixedRate(this::sendStatuses, statusIntervalMs, statusIntervalMs, TimeUnit.MILLISECONDS);
        return client.connect();
    }

    public ConnectionState state() {
        return client.state();
    }

    /** Payloads waiting for the hub (paced or in HubClient's buffer). */
    public int queued() {
        return pacer.queued() + client.queued();
    }

    /** Payloads HubClient holds until the hub confirms them (sent or waiting for the session). */
    public int unconfirmed() {
        return client.unconfirmed();
    }

    public long unconfirmedBytes() {
        return client.unconfirmedBytes();
    }

    /** Whether the pacer may hand a payload to HubClient: the session is up and the unconfirmed window has room. */
    private boolean mayHandOver() {
        return client.state() == ConnectionState.CONNECTED && client.unconfirmed() < unconfirmedWindow
                && client.unconfirmedBytes() < UNCONFIRMED_BYTES_WINDOW;
    }

    private void onError(HubClientException error) {
        if (error.kind() == HubClientException.Kind.BUFFER_FULL) {
            return; // counted and logged where the send was refused
        }
        log.warn("event=hub_error kind={} detail=\"{}\"", error.kind(), error.getMessage());
    }

    private void onEvent(IncomingEvent event) {
        try {
            switch (event.name()) {
                case "IDENTIFIED" -> onSession(event.data(), true);
                case "RESUMED" -> onSession(event.data(), false);
                case "SHARDS_ASSIGNED" -> assign(event.data());
                case "IDENTIFY_GRANTED" -> granted(event.data().path("shard").asInt(-1));
                case "GATEWAY_SEND" -> {
                    gatewaySend(event);
                    return; // acknowledged once written to Discord
                }
                default -> { }
            }
        } finally {
            if (!"GATEWAY_SEND".equals(event.name())) {
                event.ack();
            }
        }
    }

    private void onSession(JsonNode d, boolean fresh) {
        if (fresh) {
            log.info("event=hub_identified session={} shards={} count={}", d.path("session").asText(),
                    d.path("shards"), d.path("shardCount").asInt());
            assign(d);
            // A new hub session means the hub may know nothing of us (a restart): send every guild again.
            dirtyGuilds.clear();
            List<Long> all = mirror.guildIds(shards::runs, shards.shardCount());
            resender.execute(() -> resend(all, "new hub session"));
        } else {
            List<Long> dirty = new ArrayList<>(dirtyGuilds);
            dirtyGuilds.removeAll(dirty);
            if (!dirty.isEmpty()) {
                resender.execute(() -> resend(dirty, "buffer overflowed while the hub was away"));
            }
        }
        // The hub drops requests of sessions that were away when their turn came: ask again.
        for (Integer shard : outstandingGrants) {
            if (shards.runs(shard)) {
                client.send("IDENTIFY_REQUEST", Map.of("shard", shard));
            } else {
                outstandingGrants.remove(shard);
            }
        }
        sendStatuses();
    }

    /**
     * Sends the guilds again, whole; what does not fit in the pacing queue is tried again every 100 ms
     * until it went out (on the resend thread, so nothing else waits for it).
     */
    private void resend(List<Long> ids, String why) {
        List<Long> left = ids;
        int sent = 0;
        try {
            while (true) {
                List<Long> notSent = mirror.resend(left, this);
                sent += left.size() - notSent.size();
                left = notSent;
                if (left.isEmpty() || client.state().isTerminal()) {
                    break;
                }
                Thread.sleep(100);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            dirtyGuilds.addAll(left);
        }
        metrics.guildsResent(sent);
        log.info("event=guilds_resent count={} left={} reason=\"{}\"", sent, left.size(), why);
    }

    private void assign(JsonNode d) {
        List<Integer> ids = new ArrayList<>();
        d.path("shards").forEach(s -> ids.add(s.asInt()));
        int count = d.path("shardCount").asInt(0);
        ShardManager.Change change = shards.assign(ids, count);
        for (Integer stopped : change.stopped()) {
            outstandingGrants.remove(stopped);
            mirror.removeShard(stopped, change.previousCount());
        }
    }

    @Override
    public void request(int shard) {
        outstandingGrants.add(shard);
        client.send("IDENTIFY_REQUEST", Map.of("shard", shard));
        log.info("shard={} event=identify_requested", shard);
    }

    private void granted(int shardId) {
        outstandingGrants.remove(shardId);
        Shard shard = shards.shard(shardId);
        if (shard != null) {
            shard.identifyGranted();
        }
    }

    private void gatewaySend(IncomingEvent event) {
        JsonNode d = event.data();
        int op = d.path("op").asInt(-1);
        int shardId = d.hasNonNull("shard") ? d.get("shard").asInt(-1)
                : shards.shardOf(parseId(d.path("guildID").asText(d.path("guild_id").asText(""))));
        Shard shard = shards.shard(shardId);
        String problem = !GATEWAY_OPS.contains(op) || !d.has("d") ? "op must be 3, 4 or 8 with a d"
                : shard == null ? "shard " + shardId + " does not run here" : null;
        if (problem == null) {
            ObjectNode payload = Json.mapper().createObjectNode();
            payload.put("op", op);
            payload.set("d", d.get("d"));
            byte[] json = encode(payload);
            if (shard.send(json, () -> {
                metrics.gatewaySent();
                event.ack();
            })) {
                return;
            }
            problem = json.length > 4096 ? "payload of " + json.length + " bytes is over Discord's 4096"
                    : "shard " + shardId + " refused it (queue full or shard failed)";
        }
        metrics.gatewaySendRefused();
        log.warn("event=gateway_send_refused shard={} op={} reason=\"{}\"", shardId, op, problem);
        event.ack();
    }

    private static byte[] encode(ObjectNode payload) {
        try {
            return Json.mapper().writeValueAsBytes(payload);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static long parseId(String id) {
        try {
            return Long.parseUnsignedLong(id);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private void sendStatuses() {
        ShardManager manager = shards;
        DispatchForwarder f = forwarder;
        if (manager == null || f == null) {
            return;
        }
        for (Shard shard : manager.shards()) {
            f.sendStatus(shard);
        }
    }

    @Override
    public boolean sendCache(long guildId, ObjectNode entity) {
        if (pacer.offer(new Outgoing(guildId, null, entity))) {
            return true;
        }
        undelivered(new Outgoing(guildId, null, entity));
        return false;
    }

    @Override
    public boolean sendEvent(String event, Object data) {
        if (pacer.offer(new Outgoing(0, event, data))) {
            return true;
        }
        undelivered(new Outgoing(0, event, data));
        return false;
    }

    private boolean deliver(Outgoing out) {
        return out.event() == null ? client.sendCache(out.data()) : client.send(out.event(), out.data());
    }

    /** A payload that found no room: entities mark their guild for a resend, events are lost. */
    private void undelivered(Outgoing out) {
        if (out.event() == null) {
            metrics.cacheOverflow();
            if (out.guildId() != 0) {
                dirtyGuilds.add(out.guildId());
            }
        } else {
            metrics.eventLost();
        }
        refusals.refused(out.event() == null ? "op 5 entity" : out.event());
    }

    /** Closes the hub session with 1000 (the hub hands our shards to other sharders at once). */
    @Override
    public void close() {
        timer.shutdownNow();
        resender.shutdownNow();
        int paced = pacer.queued();
        if (paced > 0) {
            log.warn("event=hub_link_closed dropped={} detail=\"payloads still waiting for the hub are dropped\"", paced);
        }
        client.close(); // logs how many payloads the hub had not confirmed
    }
}
