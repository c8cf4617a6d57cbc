package dev.hubcord.sharder.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.sharder.metrics.SharderMetrics;
import io.netty.bootstrap.Bootstrap;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.URI;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Discord shard: a session that outlives its connections. It connects, waits for HELLO, beats ({@link
 * Heartbeats}), asks the hub's gate before every IDENTIFY, RESUMEs on {@code resume_gateway_url} with the last
 * {@code s} after a drop, op 7 or a zombie connection, identifies afresh when the session is gone (op 9 false,
 * 4003/4007/4009), and stops for good on 4004 and 4010-4014. Payloads go out through its {@link ShardOutbox} (120/60 s,
 * slots kept for heartbeats); its {@link MemberRequester} asks for member lists. Everything runs on the shard's own
 * event loop (shared with other shards); the public methods may be called from any thread and hand their work to it.
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
    private final Heartbeats heartbeats;

    private volatile ShardState state = ShardState.IDLE;
    private volatile int guildCount;
    private volatile String sessionId;

    private long seq;
    private String resumeUrl;
    private GatewayConnection current;
    private ScheduledFuture<?> readyTimer;
    private ScheduledFuture<?> reconnectTask;
    private CloseAction pendingAction;
    private long pendingDelayMillis;
    private final ReconnectBackoff backoff = new ReconnectBackoff();
    private volatile boolean stopped;
    private final ShardGuilds guilds = new ShardGuilds();

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
        this.heartbeats = new Heartbeats(id, loop, outbox, () -> current, () -> seq,
                () -> closeAndReconnect(CloseAction.RESUME, "no heartbeat ACK", 0));
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
        return heartbeats.latencyMillis();
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
        bootstrap.clone()
                .handler(new GatewayPipeline(uri, options, connection))
                .connect(uri.getHost(), GatewayPipeline.port(uri))
                .addListener((ChannelFuture f) -> {
                    if (!f.isSuccess() && current == connection) {
                        connection.abandon();
                        current = null;
                        log.warn("shard={} event=connect_failed url={} error=\"{}\"", id, uri.getHost(),
                                f.cause().getMessage());
                        scheduleReconnect(backoff.nextMillis(), "connect failed");
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
            case 1 -> heartbeats.beat();
            case 7 -> closeAndReconnect(CloseAction.RESUME, "op 7 reconnect", 0);
            case 9 -> onInvalidSession(payload.path("d").asBoolean(false));
            case 10 -> onHello(payload.path("d"));
            case 11 -> heartbeats.acknowledged();
            default -> log.debug("shard={} event=unknown_op op={}", id, op);
        }
    }

    private void onHello(JsonNode d) {
        long interval = d.path("heartbeat_interval").asLong(0);
        if (interval <= 0) {
            closeAndReconnect(CloseAction.RESUME, "HELLO without heartbeat_interval", backoff.nextMillis());
            return;
        }
        heartbeats.start(interval);
        if (sessionId != null) {
            outbox.takeSlot(false);
            current.send(GatewayPayloads.resume(options.token(), sessionId, seq), null);
            setState(ShardState.RESUMING, "seq " + seq);
        } else {
            setState(ShardState.WAITING_FOR_IDENTIFY, "asking the hub");
            permits.request(id);
        }
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
                backoff.reset();
                log.info("shard={} event=resumed session={} seq={}", id, sessionId, seq);
                setState(guilds.allArrived() ? ShardState.READY : ShardState.LOADING, "resumed");
                outbox.drain();
            }
            case "GUILD_CREATE" -> {
                guilds.created(d);
                if (state == ShardState.LOADING) {
                    if (guilds.allArrived()) {
                        setState(ShardState.READY, guilds.count() + " guilds");
                    } else {
                        armReadyTimer();
                    }
                }
            }
            case "GUILD_DELETE" -> guilds.deleted(d);
            default -> { }
        }
        guildCount = guilds.count();
    }

    private void onReady(JsonNode d) {
        sessionId = d.path("session_id").asText(null);
        resumeUrl = d.path("resume_gateway_url").asText(null);
        guilds.ready(d);
        backoff.reset();
        log.info("shard={} event=ready session={} guilds={} user={}", id, sessionId, guilds.count(),
                d.path("user").path("id").asText());
        setState(guilds.allArrived() ? ShardState.READY : ShardState.LOADING, "READY");
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
                log.warn("shard={} event=ready_timeout missing_guilds={}", id, guilds.awaitedCount());
                guilds.stopAwaiting();
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
        heartbeats.disconnected();
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
            delay = backoff.nextMillis();
        }
        pendingAction = null;
        String detail = closedByUs ? reason : CloseAction.describe(serverCode) + (reason.isEmpty() ? "" : ": " + reason);
        if (action == CloseAction.STOP) {
            CloseAction.logFatal(log, id, serverCode, detail, options.intents());
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

    private void forgetSession() {
        sessionId = null;
        resumeUrl = null;
        seq = 0;
    }

    private void cancelTimers() {
        heartbeats.stop();
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
