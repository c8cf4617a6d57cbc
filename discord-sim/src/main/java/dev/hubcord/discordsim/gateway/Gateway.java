package dev.hubcord.discordsim.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Envelope;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.Population;
import io.netty.channel.Channel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The gateway's brain: connection lifecycle (HELLO, heartbeats and their timeout, op 7 before HELLO), the
 * per-connection limits (4002 size, 4008 rate), opcode routing and the authentication rules (4003, 4005, 4001).
 * IDENTIFY/RESUME, op 4 and op 8 live in their own handlers; {@link GatewayControl} exposes test controls.
 */
public final class Gateway {

    private static final Logger log = LoggerFactory.getLogger(Gateway.class);
    private static final int MAX_CLOSED_KEPT = 1_000;

    final GatewayConfig config;
    final Population population;
    final String token;
    final long applicationFlags;
    final Supplier<String> resumeUrl;
    final VoiceEndpoints voiceEndpoints;
    final Map<Long, GatewayConnection> connections = new ConcurrentHashMap<>();
    final Map<String, Session> sessions = new ConcurrentHashMap<>();
    final IdentifyLimiter identifyLimiter;
    final List<GatewayRecords.Identify> identifies = new ArrayList<>();
    final Dispatcher dispatcher;
    final AtomicInteger reconnectBeforeHello = new AtomicInteger();
    private final SplittableRandom random;
    private final AtomicLong connectionIds = new AtomicLong();
    private final SessionStarter starter;
    private final MemberRequests memberRequests;
    private final VoiceRequests voiceRequests;

    public Gateway(GatewayConfig config, Population population, String token, long applicationFlags, long seed,
            Supplier<String> resumeUrl, VoiceEndpoints voiceEndpoints) {
        this.config = config;
        this.population = population;
        this.token = token;
        this.applicationFlags = applicationFlags;
        this.resumeUrl = resumeUrl;
        this.voiceEndpoints = voiceEndpoints;
        this.random = new SplittableRandom(seed);
        this.identifyLimiter = new IdentifyLimiter(config);
        this.dispatcher = new Dispatcher(sessions, population.bot().id(), config.resumeTimeoutMs());
        this.starter = new SessionStarter(this);
        this.memberRequests = new MemberRequests(this);
        this.voiceRequests = new VoiceRequests(this);
    }

    /** Query values of the websocket upgrade request. */
    public record ConnectParams(String version, String encoding, String compress, boolean viaResumeUrl) {}

    /** Registers a freshly upgraded websocket and starts the protocol (HELLO, or op 7 first). */
    public GatewayConnection open(Channel channel, ConnectParams params) {
        TransportCompression compression = TransportCompression.forQuery(params.compress(), config.zlibSplitMessages());
        boolean badCompress = compression == null;
        GatewayConnection c = new GatewayConnection(connectionIds.incrementAndGet(), channel,
                badCompress ? new TransportCompression.Plain() : compression, params.viaResumeUrl(),
                config.recordLimit());
        connections.put(c.id(), c);
        pruneClosed();
        if (!versionAccepted(params.version())) {
            c.close(CloseCode.INVALID_API_VERSION.code());
        } else if (badCompress || (params.encoding() != null && !"json".equals(params.encoding()))) {
            // ETF and unknown compression values are not simulated: fail loudly rather than speak the wrong format.
            c.close(CloseCode.DECODE_ERROR.code());
        } else if (reconnectBeforeHello.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || chance()) {
            reconnect(c);
        } else {
            ObjectNode hello = Json.obj();
            hello.put("heartbeat_interval", config.heartbeatIntervalMs());
            hello.set("_trace", Json.trace("gateway-sim-" + c.id()));
            c.send(Envelope.op(10, hello));
            scheduleHeartbeatCheck(c, timeoutMs());
        }
        return c;
    }

    private boolean versionAccepted(String v) {
        try {
            return v != null && config.acceptedVersions().contains(Integer.parseInt(v));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private boolean chance() {
        if (config.reconnectBeforeHelloChance() <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < config.reconnectBeforeHelloChance();
        }
    }

    boolean coinFlip() {
        synchronized (random) {
            return random.nextBoolean();
        }
    }

    String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        synchronized (random) {
            random.nextBytes(b);
        }
        return java.util.HexFormat.of().formatHex(b);
    }

    private long timeoutMs() {
        return (long) (config.heartbeatIntervalMs() * config.heartbeatTimeoutFactor());
    }

    private void scheduleHeartbeatCheck(GatewayConnection c, long delayMs) {
        if (config.heartbeatTimeoutFactor() <= 0) {
            return;
        }
        c.schedule(() -> {
            if (c.closing()) {
                return;
            }
            long idleMs = (System.nanoTime() - c.lastHeartbeatNanos()) / 1_000_000L;
            if (idleMs >= timeoutMs()) {
                log.debug("connection {} missed heartbeats for {} ms", c.id(), idleMs);
                disconnect(c, config.heartbeatTimeoutAction(), CloseCode.SESSION_TIMED_OUT.code());
            } else {
                scheduleHeartbeatCheck(c, timeoutMs() - idleMs);
            }
        }, delayMs);
    }

    void disconnect(GatewayConnection c, GatewayConfig.DisconnectAction action, int code) {
        if (action == GatewayConfig.DisconnectAction.DROP) {
            c.drop();
        } else {
            c.close(code);
        }
    }

    /** op 7 now; the server closes (or drops) the socket after the configured delay. */
    void reconnect(GatewayConnection c) {
        c.send(Envelope.op(7, (JsonNode) null));
        c.schedule(() -> disconnect(c, config.reconnectCloseAction(), CloseCode.UNKNOWN_ERROR.code()),
                config.reconnectCloseDelayMs());
    }

    /** Sends op 9; the connection then expects IDENTIFY or RESUME again and may be closed after a delay. */
    void invalidSession(GatewayConnection c, boolean resumable) {
        c.send(Envelope.op(9, resumable));
        long delay = config.invalidSessionCloseDelayMs();
        if (delay >= 0) {
            c.schedule(() -> c.close(CloseCode.UNKNOWN_ERROR.code()), delay);
        }
    }

    /** Handles one text message from a client; runs on the connection's event loop. */
    public void onText(GatewayConnection c, String text) {
        JsonNode payload = Json.parseOrNull(text);
        int op = payload != null && payload.path("op").isIntegralNumber() ? payload.path("op").intValue() : -1;
        c.record(op, text);
        if (c.closing()) {
            return;
        }
        if (!c.withinSendLimit(config.sendLimit(), config.sendWindowMs())) {
            c.close(CloseCode.RATE_LIMITED.code());
            return;
        }
        if (text.getBytes(StandardCharsets.UTF_8).length > config.maxPayloadBytes() || op < 0
                || !payload.isObject()) {
            c.close(CloseCode.DECODE_ERROR.code());
            return;
        }
        JsonNode d = payload.path("d");
        switch (op) {
            case 1 -> {
                c.heartbeatSeen();
                c.send(Envelope.op(11, (JsonNode) null));
            }
            case 2 -> {
                if (c.authenticated()) {
                    c.close(CloseCode.ALREADY_AUTHENTICATED.code());
                } else {
                    starter.identify(c, d);
                }
            }
            case 6 -> {
                if (c.authenticated()) {
                    c.close(CloseCode.ALREADY_AUTHENTICATED.code());
                } else {
                    starter.resume(c, d);
                }
            }
            case 3, 4, 8, 31, 43 -> {
                if (!c.authenticated()) {
                    c.close(CloseCode.NOT_AUTHENTICATED.code());
                } else if (op == 4) {
                    voiceRequests.handle(c, d);
                } else if (op == 8) {
                    memberRequests.handle(c, d);
                }
                // op 3 (presence), 31 and 43 need no reply from the simulator.
            }
            default -> c.close(CloseCode.UNKNOWN_OPCODE.code());
        }
    }

    /** Clients always send text; a binary message cannot be decoded. */
    public void onBinary(GatewayConnection c) {
        c.record(-1, "<binary>");
        c.close(CloseCode.DECODE_ERROR.code());
    }

    /**
     * The socket closed. A client close with 1000/1001 ends the session; anything else (another code, no code, a TCP
     * drop, a server close) leaves it resumable until its resume timeout.
     */
    public void onClosed(GatewayConnection c) {
        c.markClosed();
        Session s = c.session();
        if (s != null) {
            int code = c.clientCloseCode();
            boolean invalidate = code == 1000 || code == 1001;
            s.detach(c, invalidate);
            if (invalidate) {
                sessions.remove(s.id(), s);
            }
        }
    }

    void recordIdentify(GatewayConnection c, int shardId, int numShards, String outcome) {
        synchronized (identifies) {
            identifies.add(new GatewayRecords.Identify(c.id(), shardId, numShards, System.currentTimeMillis(),
                    outcome));
        }
    }

    private void pruneClosed() {
        List<GatewayConnection> closed = connections.values().stream().filter(c -> !c.open())
                .sorted(Comparator.comparingLong(GatewayConnection::id)).toList();
        for (int i = 0; i < closed.size() - MAX_CLOSED_KEPT; i++) {
            connections.remove(closed.get(i).id());
        }
    }

    // ---- dispatch API used by the control API and REST side effects ----

    public int dispatchToGuild(long guildId, String type, JsonNode data) {
        return dispatcher.toGuild(guildId, type, s -> data);
    }

    public int dispatchToGuild(long guildId, String type, Function<Session, JsonNode> dataFor) {
        return dispatcher.toGuild(guildId, type, dataFor);
    }

    public int dispatchToShard(int shardId, String type, JsonNode data) {
        return dispatcher.toShard(shardId, type, data);
    }

    public int dispatchWithoutGuild(String type, JsonNode data) {
        return dispatcher.toNoGuild(type, data);
    }

    public GatewayControl control() {
        return new GatewayControl(this);
    }

    /** {@code session_start_limit} for {@code GET /gateway/bot}. */
    public ObjectNode sessionStartLimit() {
        return identifyLimiter.sessionStartLimit();
    }

    /** The application's flags: READY's {@code application.flags}, and what REST's application object reports. */
    public long applicationFlags() {
        return applicationFlags;
    }

    public GatewayConfig config() {
        return config;
    }
}
