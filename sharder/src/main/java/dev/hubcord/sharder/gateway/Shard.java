package dev.hubcord.sharder.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.sharder.config.Intent;
import dev.hubcord.sharder.metrics.SharderMetrics;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Discord shard: a session that outlives its connections. It connects, waits for HELLO,
 * heartbeats (first beat after a random fraction of the interval), asks the hub's gate before every
 * IDENTIFY, RESUMEs on {@code resume_gateway_url} with the last {@code s} after a drop, op 7 or a
 * zombie connection (no ACK before the next beat), identifies afresh when the session is gone (op 9
 * false, 4003/4007/4009), and stops for good on 4004 and 4010-4014. Outgoing payloads go through its
 * {@link ShardOutbox} (a 120/60 s limiter that keeps slots for heartbeats); its {@link MemberRequester} asks for
 * member lists.
 *
 * <p>Everything runs on the shard's own event loop (shared with other shards); the public methods may
 * be called from any thread and hand their work to that loop.
 */
public final class Shard {

    private static final Logger log = LoggerFactory.getLogger(Shard.class);

    private final int id;
    private final int count;
    private final ShardOptions options;
    private final EventLoop loop;
    private final Bootstrap bootstrap;
    private final IdentifyPermits permits;
    private final ShardListener listener;
    private final ShardOutbox outbox;
    private final MemberRequester members;

    private volatile ShardState state = ShardState.IDLE;
    private volatile long latencyMillis = -1;
    private volatile int guildCount;
    private volatile String sessionId;

    private long seq;
    private String resumeUrl;
    private GatewayConnection current;
    private ScheduledFuture<?> heartbeatTask;
    private ScheduledFuture<?> readyTimer;
    private ScheduledFuture<?> reconnectTask;
    private boolean heartbeatAcked = true;
    private long heartbeatSentNanos;
    private CloseAction pendingAction;
    private long pendingDelayMillis;
    private int attempt;
    private volatile boolean stopped;
    private final Set<Long> guilds = new HashSet<>();
    private final Set<Long> awaitedGuilds = new HashSet<>();

    public Shard(int id, int count, ShardOptions options, EventLoop loop, Bootstrap bootstrap,
            IdentifyPermits permits, ShardListener listener, SharderMetrics metrics) {
        this.id = id;
        this.count = count;
        this.options = options;
        this.loop = loop;
        this.bootstrap = bootstrap.clone().group(loop);
        this.permits = permits;
        this.listener = listener;
        this.outbox = new ShardOutbox(id, loop, options.sendQueue(), this::liveConnection, this::pumpMembers);
        this.members = new MemberRequester(id, options.memberRequests(), loop, outbox::trySendBackground, metrics);
    }

    public int id() {
        return id;
    }

    public int count() {
        return count;
    }

    public ShardState state() {
        return state;
    }

    /** The last heartbeat round trip in ms, or -1 before the first ACK. */
    public long latencyMillis() {
        return latencyMillis;
    }

    public int guildCount() {
        return guildCount;
    }

    public String sessionId() {
        return sessionId;
    }

    /** Guilds waiting for their member request plus requests whose chunks are still arriving. */
    public int memberRequestsOutstanding() {
        return members.outstanding();
    }

    /** Starts connecting (once). */
    public void start() {
        loop.execute(() -> {
            if (state == ShardState.IDLE && !stopped) {
                connect();
            }
        });
    }

    /**
     * Stops the shard for good: closes with 1000, which ends the Discord session so another sharder
     * can take the shard over cleanly. Queued payloads are dropped (their {@code done} runs).
     */
    public void stop() {
        loop.execute(() -> {
            if (stopped) {
                return;
            }
            stopped = true;
            cancelTimers();
            members.reset();
            if (reconnectTask != null) {
                reconnectTask.cancel(false);
            }
            outbox.drop("shard stopped");
            GatewayConnection connection = current;
            if (connection != null) {
                connection.close(1000, "shard stopped");
            } else {
                setState(ShardState.STOPPED, "stopped");
            }
        });
    }

    /** The hub granted an IDENTIFY: send it if this shard's connection is still waiting for one. */
    public void identifyGranted() {
        loop.execute(() -> {
            if (state == ShardState.WAITING_FOR_IDENTIFY && current != null && current.isOpen()) {
                outbox.takeSlot(false);
                current.send(GatewayPayloads.identify(options, id, count), null);
                setState(ShardState.IDENTIFYING, "identify granted");
            } else {
                log.info("shard={} event=grant_unused state={}", id, state.wireName());
            }
        });
    }

    /**
     * Queues a payload for Discord (ops 3, 4, 8 from the hub). It goes out once the session is up and
     * the 120/60 s budget allows; {@code done} runs when it is written or dropped.
     *
     * @return {@code false} when refused: over 4096 bytes, the queue is full, or the shard is stopped
     */
    public boolean send(byte[] json, Runnable done) {
        if (json.length > GatewayPayloads.MAX_SEND_BYTES || stopped || state == ShardState.FAILED) {
            return false;
        }
        return outbox.offer(json, done);
    }

    // ---- connection lifecycle (event loop only) ----

    private void connect() {
        reconnectTask = null;
        if (stopped) {
            return;
        }
        boolean resume = sessionId != null && resumeUrl != null;
        URI uri = GatewayPayloads.connectUri(resume ? resumeUrl : options.gatewayUrl(),
                options.compression().queryValue());
        setState(ShardState.CONNECTING, resume ? "to resume" : "to identify");
        GatewayConnection connection = new GatewayConnection(this,
                GatewayDecoder.create(options.compression(), options.maxPayloadBytes()));
        current = connection;
        outbox.newConnection();
        heartbeatAcked = true;
        bootstrap.clone()
                .handler(new GatewayPipeline(uri, options, connection))
                .connect(uri.getHost(), GatewayPipeline.port(uri))
                .addListener((ChannelFuture f) -> {
                    if (!f.isSuccess() && current == connection) {
                        connection.abandon();
                        current = null;
                        log.warn("shard={} event=connect_failed url={} error=\"{}\"", id, uri.getHost(),
                                f.cause().getMessage());
                        scheduleReconnect(backoffMillis(), "connect failed");
                    }
                });
    }

    void onPayload(GatewayConnection connection, JsonNode payload) {
        if (connection != current) {
            return;
        }
        int op = payload.path("op").asInt(-1);
        switch (op) {
            case 0 -> onDispatch(payload);
            case 1 -> sendHeartbeat();
            case 7 -> closeAndReconnect(CloseAction.RESUME, "op 7 reconnect", 0);
            case 9 -> onInvalidSession(payload.path("d").asBoolean(false));
            case 10 -> onHello(payload.path("d"));
            case 11 -> {
                heartbeatAcked = true;
                latencyMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - heartbeatSentNanos);
            }
            default -> log.debug("shard={} event=unknown_op op={}", id, op);
        }
    }

    private void onHello(JsonNode d) {
        long interval = d.path("heartbeat_interval").asLong(0);
        if (interval <= 0) {
            closeAndReconnect(CloseAction.RESUME, "HELLO without heartbeat_interval", backoffMillis());
            return;
        }
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
        }
        // The first beat comes after interval * jitter, jitter in [0, 1), so shards do not beat in step.
        long first = (long) (interval * ThreadLocalRandom.current().nextDouble());
        heartbeatTask = loop.scheduleAtFixedRate(this::heartbeatDue, first, interval, TimeUnit.MILLISECONDS);
        if (sessionId != null) {
            outbox.takeSlot(false);
            current.send(GatewayPayloads.resume(options.token(), sessionId, seq), null);
            setState(ShardState.RESUMING, "seq " + seq);
        } else {
            setState(ShardState.WAITING_FOR_IDENTIFY, "asking the hub");
            permits.request(id);
        }
    }

    private void heartbeatDue() {
        if (!heartbeatAcked) {
            log.warn("shard={} event=zombie detail=\"no heartbeat ACK before the next heartbeat\"", id);
            closeAndReconnect(CloseAction.RESUME, "no heartbeat ACK", 0);
            return;
        }
        sendHeartbeat();
    }

    private void sendHeartbeat() {
        if (current == null || !current.isOpen()) {
            return;
        }
        if (!outbox.takeSlot(true)) {
            log.warn("shard={} event=heartbeat_limited", id);
            return;
        }
        heartbeatAcked = false;
        heartbeatSentNanos = System.nanoTime();
        current.send(GatewayPayloads.heartbeat(seq), null);
    }

    private void onInvalidSession(boolean resumable) {
        if (resumable && sessionId != null) {
            closeAndReconnect(CloseAction.RESUME, "op 9 resumable", 0);
            return;
        }
        forgetSession();
        // Discord asks for a random 1-5 s wait before identifying again.
        int max = options.invalidSessionDelayMs();
        long delay = max <= 0 ? 0 : ThreadLocalRandom.current().nextLong(max / 5, max + 1);
        closeAndReconnect(CloseAction.IDENTIFY, "op 9 not resumable", delay);
    }

    private void onDispatch(JsonNode payload) {
        JsonNode s = payload.get("s");
        if (s != null && s.isIntegralNumber()) {
            seq = s.asLong();
        }
        String type = payload.path("t").asText("");
        JsonNode d = payload.path("d");
        listener.onDispatch(this, type, d);
        members.onDispatch(type, d);
        switch (type) {
            case "READY" -> onReady(d);
            case "RESUMED" -> {
                attempt = 0;
                log.info("shard={} event=resumed session={} seq={}", id, sessionId, seq);
                setState(awaitedGuilds.isEmpty() ? ShardState.READY : ShardState.LOADING, "resumed");
                outbox.drain();
            }
            case "GUILD_CREATE" -> {
                long guild = snowflake(d.path("id"));
                if (guild != 0) {
                    guilds.add(guild);
                    awaitedGuilds.remove(guild);
                }
                if (state == ShardState.LOADING) {
                    if (awaitedGuilds.isEmpty()) {
                        setState(ShardState.READY, guilds.size() + " guilds");
                    } else {
                        armReadyTimer();
                    }
                }
            }
            case "GUILD_DELETE" -> {
                if (!d.path("unavailable").asBoolean(false)) {
                    long guild = snowflake(d.path("id"));
                    guilds.remove(guild);
                    awaitedGuilds.remove(guild);
                }
            }
            default -> { }
        }
        guildCount = guilds.size();
    }

    private void onReady(JsonNode d) {
        sessionId = d.path("session_id").asText(null);
        resumeUrl = d.path("resume_gateway_url").asText(null);
        guilds.clear();
        awaitedGuilds.clear();
        for (JsonNode g : d.path("guilds")) {
            long guild = snowflake(g.path("id"));
            guilds.add(guild);
            awaitedGuilds.add(guild);
        }
        attempt = 0;
        log.info("shard={} event=ready session={} guilds={} user={}", id, sessionId, guilds.size(),
                d.path("user").path("id").asText());
        setState(awaitedGuilds.isEmpty() ? ShardState.READY : ShardState.LOADING, "READY");
        if (state == ShardState.LOADING) {
            armReadyTimer();
        }
        outbox.drain();
    }

    private void armReadyTimer() {
        if (readyTimer != null) {
            readyTimer.cancel(false);
        }
        readyTimer = loop.schedule(() -> {
            if (state == ShardState.LOADING) {
                log.warn("shard={} event=ready_timeout missing_guilds={}", id, awaitedGuilds.size());
                awaitedGuilds.clear();
                setState(ShardState.READY, "guilds stopped arriving");
            }
        }, options.readyTimeoutMs(), TimeUnit.MILLISECONDS);
    }

    /** Closes the current connection ourselves; {@link #onClosed} then follows {@code action}. */
    private void closeAndReconnect(CloseAction action, String reason, long delayMillis) {
        pendingAction = action;
        pendingDelayMillis = delayMillis;
        GatewayConnection connection = current;
        if (connection != null) {
            connection.close(CloseAction.RESUMABLE_CLOSE, reason);
        }
    }

    void onConnectionError(GatewayConnection connection, Throwable error) {
        if (connection == current) {
            log.warn("shard={} event=connection_error error=\"{}\"", id, error.toString());
        }
    }

    void onClosed(GatewayConnection connection, int serverCode, String reason, boolean closedByUs) {
        if (connection != current) {
            return;
        }
        current = null;
        cancelTimers();
        latencyMillis = -1;
        if (stopped) {
            setState(ShardState.STOPPED, "stopped");
            return;
        }
        CloseAction action;
        long delay;
        if (closedByUs && pendingAction != null) {
            action = pendingAction;
            delay = pendingDelayMillis;
        } else {
            action = CloseAction.of(serverCode);
            delay = backoffMillis();
        }
        pendingAction = null;
        String detail = closedByUs ? reason : CloseAction.describe(serverCode) + (reason.isEmpty() ? "" : ": " + reason);
        if (action == CloseAction.STOP) {
            log.error("shard={} event=fatal_close code={} detail=\"{}\" action=stop "
                    + "(Discord will refuse this shard until the token, intents or shard count change)",
                    id, serverCode, detail);
            if (serverCode == 4014) {
                log.error("shard={} event=disallowed_intents intents={} privileged={} detail=\"the application is not "
                        + "allowed a privileged intent it asks for: enable it in the application's Bot settings "
                        + "(Privileged Gateway Intents) or remove it from DISCORD_INTENTS (without GUILD_MEMBERS also "
                        + "set SHARDER_MEMBER_REQUESTS=none)\"", id, options.intents(), Intent.privilegedIn(options.intents()));
            }
            forgetSession();
            members.reset();
            outbox.drop("shard failed");
            setState(ShardState.FAILED, "close " + serverCode + " " + CloseAction.describe(serverCode));
            return;
        }
        if (action == CloseAction.IDENTIFY || sessionId == null) {
            forgetSession();
        }
        log.info("shard={} event=disconnected code={} detail=\"{}\" next={} delay_ms={}", id,
                closedByUs ? CloseAction.RESUMABLE_CLOSE : serverCode, detail,
                sessionId != null ? "resume" : "identify", delay);
        scheduleReconnect(delay, detail);
    }

    private void scheduleReconnect(long delayMillis, String detail) {
        setState(ShardState.RECONNECTING, detail);
        reconnectTask = loop.schedule(this::connect, delayMillis, TimeUnit.MILLISECONDS);
    }

    /** 0-250 ms after a first failure, then 1, 2, 4 ... 30 s, each with jitter. */
    private long backoffMillis() {
        int n = attempt++;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        if (n == 0) {
            return random.nextLong(0, 251);
        }
        long base = Math.min(30_000, 1_000L << Math.min(n - 1, 5));
        return base / 2 + random.nextLong(base / 2 + 1);
    }

    private void forgetSession() {
        sessionId = null;
        resumeUrl = null;
        seq = 0;
    }

    private void cancelTimers() {
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
            heartbeatTask = null;
        }
        if (readyTimer != null) {
            readyTimer.cancel(false);
            readyTimer = null;
        }
        outbox.cancelDrain();
    }

    private void pumpMembers() {
        members.pump();
    }

    /** The connection while its session carries payloads (outbox drains need it), else null. */
    private GatewayConnection liveConnection() {
        GatewayConnection connection = current;
        return connection != null && connection.isOpen() && state.hasSession() ? connection : null;
    }

    private void setState(ShardState next, String detail) {
        ShardState previous = state;
        if (previous == next) {
            return;
        }
        state = next;
        log.info("shard={} event=state from={} to={} detail=\"{}\"", id, previous.wireName(), next.wireName(), detail);
        listener.onStateChange(this, previous, next, detail);
    }

    static long snowflake(JsonNode node) {
        try {
            return node.isTextual() ? Long.parseUnsignedLong(node.textValue()) : node.asLong(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    @Override
    public String toString() {
        return "Shard[" + id + "/" + count + " " + state.wireName() + "]";
    }
}
