package dev.hubcord.hub.core;

import dev.hubcord.hub.audio.AudioPlayers;
import dev.hubcord.hub.audio.PlayerStates;
import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.hub.flow.FlowPolicy;
import dev.hubcord.hub.flow.WindowPolicy;
import dev.hubcord.hub.lavalink.Lavalink;
import dev.hubcord.hub.metrics.HubMetrics;
import dev.hubcord.hub.routing.AudioGuildOwners;
import dev.hubcord.hub.routing.EventValidator;
import dev.hubcord.hub.routing.NonceRegistry;
import dev.hubcord.hub.routing.Router;
import dev.hubcord.hub.session.Connection;
import dev.hubcord.hub.session.HeartbeatStats;
import dev.hubcord.hub.session.OutboundBounds;
import dev.hubcord.hub.session.ResumeOutcome;
import dev.hubcord.hub.session.RoutedEvent;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.session.SessionRegistry;
import dev.hubcord.hub.shards.ShardAssigner;
import dev.hubcord.hub.shards.ShardAssignment;
import dev.hubcord.hub.shards.ShardStatusBoard;
import dev.hubcord.protocol.CloseCode;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.codec.Envelope;
import dev.hubcord.protocol.codec.EnvelopeWriter;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the hub does for each protocol step, independent of Netty. Called from connection event
 * loops; the shared parts it touches are thread-safe.
 */
public final class HubCore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HubCore.class);

    /** The bot's identity, once a sharder has reported it. */
    public record BotInfo(String userID, String applicationID) {}

    private final HubConfig config;
    private final Handshake handshake;
    private final SessionRegistry sessions = new SessionRegistry();
    private final HubMetrics metrics = new HubMetrics(sessions);
    private final AudioGuildOwners audioOwners = new AudioGuildOwners();
    private final Router router;
    private final FlowPolicy flow;
    private final OutboundBounds outbound;
    private final AudioPlayers audioPlayers;
    private final Sharding sharding;
    private final BotIdentity bot;
    private final HubRequests requests;
    private final Lavalink lavalink;
    private final ScheduledExecutorService scheduler;
    private final Map<Session, ScheduledFuture<?>> expiryTimers = new ConcurrentHashMap<>();
    private volatile CacheSink cacheSink = new ValidatingCacheSink();

    public HubCore(HubConfig config) {
        this.config = config;
        this.handshake = new Handshake(config.secret());
        ShardAssigner shards = new ShardAssigner(config.shardCount());
        this.flow = new WindowPolicy(config.limits().maxUnacked());
        this.outbound = new OutboundBounds(config.limits().backlogPayloads(), config.limits().backlogBytes());
        metrics.outbound(outbound);
        this.scheduler = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("hub-timers").factory());
        // the timer thread also runs the further slices of a retry of waiting events (short, bounded work)
        this.router = new Router(sessions, shards, audioOwners,
                new NonceRegistry(Duration.ofMillis(config.requestTimeoutMs())), metrics, config.pendingLimit(), flow,
                scheduler);
        this.audioPlayers = new AudioPlayers(audioOwners, new PlayerStates(config.playerStates(), metrics), router,
                metrics, System::currentTimeMillis);
        this.bot = new BotIdentity(sessions, router);
        this.sharding = new Sharding(shards, router, bot, config.identifyIntervalMs(), scheduler);
        this.requests = new HubRequests(router, metrics);
        this.lavalink = new Lavalink(router, sessions, scheduler, handshake::secretMatches);
    }

    /** Creates a session for an IDENTIFY, sends IDENTIFIED, assigns shards, and hands it waiting events. */
    public Session identify(Connection connection, Handshake.Identify identify) {
        Session session = new Session(UUID.randomUUID().toString(), identify.type(), identify.name(), identify.events(),
                config.replayBuffer(), config.limits().replayBytes(), sessions.nextJoinOrder(),
                flow.windowFor(identify.maxUnacked()));
        session.attach(connection);
        if (identify.publishAcks()) {
            session.publisher().enable();
        }
        boolean newBotInfo = bot.learn(identify.userId(), identify.applicationId());
        Map<String, Object> identified = new LinkedHashMap<>();
        identified.put("session", session.id());
        identified.put("type", identify.type().wireName());
        identified.put("heartbeatInterval", config.heartbeatIntervalMs());
        identified.put("resumeTimeout", config.resumeTimeoutMs(identify.type()));
        identified.put("maxUnacked", session.maxUnacked());
        if (identify.publishAcks()) {
            identified.put("published", 0);
        }
        if (bot.info() != null) {
            identified.put("bot", bot.info());
        }
        Map<Session, ShardAssignment> changed = identify.type() != ServiceType.SHARDER ? Map.of()
                : sharding.add(session, identify.hintShards(), identify.hintMaxConcurrency(), identified);
        router.sendDirect(session, EventType.IDENTIFIED, identified);
        sessions.add(session);
        log.info("identified {} {} session={} from {} compress={}", identify.type().wireName(), identify.name(),
                session.id(), connection.remoteAddress(), identify.compression());
        if (newBotInfo) {
            bot.announce(session);
        }
        sharding.announce(changed, session);
        router.retryPending(identify.type());
        return session;
    }

    /** Resumes a session over a new connection, or refuses with 4009 (and ends a session that cannot catch up). */
    public Session resume(Connection connection, Handshake.Resume resume) {
        Session session = sessions.get(resume.session());
        if (session == null) {
            throw new CloseException(CloseCode.INVALID_SESSION, "invalid session: unknown or expired");
        }
        if (resume.publishAcks()) {
            session.publisher().enable();
        }
        ResumeOutcome outcome = session.resume(connection, resume.seq(), replayed -> RoutedEvent.ofHub(
                EventType.RESUMED, EnvelopeWriter.data(resumed(session, replayed))));
        switch (outcome) {
            case ResumeOutcome.Refused refused -> {
                endSession(session, "resume refused: " + refused.reason());
                throw new CloseException(CloseCode.INVALID_SESSION, "invalid session: " + refused.reason());
            }
            case ResumeOutcome.Resumed resumed -> {
                ScheduledFuture<?> timer = expiryTimers.remove(session);
                if (timer != null) {
                    timer.cancel(false);
                }
                if (resumed.replaced() != null) {
                    resumed.replaced().close(CloseCode.INVALID_SESSION, "session resumed on another connection");
                }
                log.info("resumed {} session={} from {}, replayed {}", session.type().wireName(), session.id(),
                        connection.remoteAddress(), resumed.replayed());
            }
        }
        router.retryPending(session.type());
        return session;
    }

    /**
     * RESUMED's data; with publisher acknowledgements it carries {@code published}, the last client
     * sequence number taken, so that the client sends again exactly what came after it.
     */
    private static Map<String, Object> resumed(Session session, int replayed) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("session", session.id());
        d.put("replayed", replayed);
        if (session.publisher().enabled()) {
            d.put("published", session.publisher().resumed());
        }
        return d;
    }

    /** A client event: hub events are handled here, the rest are validated and routed. */
    public void event(Session from, EventType type, Envelope envelope) {
        if (!type.maySend(from.type())) {
            throw new CloseException(CloseCode.CANT_SEND, type.name() + " may not be sent by " + from.type().wireName());
        }
        String problem = EventValidator.validate(type, envelope);
        if (problem != null) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, problem);
        }
        switch (type) {
            case IDENTIFY_REQUEST -> sharding.identifyRequest(from, envelope.shard());
            case SHARD_STATUS -> sharding.status(from, envelope.shard(), HubRequests.readTree(envelope));
            case PLAYER_RECOVER -> router.sendDirect(from, EventType.REPLY, audioPlayers.recover(envelope));
            default -> {
                if (requests.handle(from, type, envelope)) {
                    return;
                }
                audioPlayers.beforeRoute(from, type, envelope);
                if (lavalink.intercept(from, type, envelope)) {
                    return; // a Lavalink client's guild, or the answer to the hub's own request
                }
                router.route(from, RoutedEvent.of(type, envelope));
            }
        }
    }

    /** op 7: the event is done (unknown numbers are ignored); a full session that regains room gets waiting events. */
    public void ack(Session session, long seq) {
        if (session.ack(seq) && flow.regainedRoom(session) && router.hasWaiting(session.type())) {
            router.retryPending(session.type());
        }
    }

    public void heartbeat(Session session, HeartbeatStats stats) {
        session.stats(stats);
    }

    public void cache(Session from, Envelope envelope) {
        cacheSink.accept(envelope);
    }

    /**
     * The connection went away. A client close with 1000 ends the session at once; any other drop
     * keeps it for the resume timeout.
     */
    public void connectionLost(Session session, Connection connection, boolean normalClose) {
        if (!session.detach(connection)) {
            return;
        }
        if (normalClose) {
            endSession(session, "client closed with 1000");
            return;
        }
        int resumeTimeoutMs = config.resumeTimeoutMs(session.type());
        log.info("{} {} session={} disconnected; resumable for {} ms", session.type().wireName(), session.name(),
                session.id(), resumeTimeoutMs);
        ScheduledFuture<?> timer = scheduler.schedule(() -> {
            expiryTimers.remove(session);
            if (!session.isConnected()) {
                endSession(session, "not resumed within " + resumeTimeoutMs + " ms");
            }
        }, resumeTimeoutMs, TimeUnit.MILLISECONDS);
        ScheduledFuture<?> previous = expiryTimers.put(session, timer);
        if (previous != null) {
            previous.cancel(false);
        }
    }

    /**
     * Ends a session: frees its shards and guilds, then delivers its unacknowledged events elsewhere;
     * an audio worker's guilds that were in voice go on to other audio workers.
     */
    public void endSession(Session session, String why) {
        List<RoutedEvent> unacked = session.end();
        if (sessions.get(session.id()) != session) {
            return;
        }
        sessions.remove(session);
        log.info("session ended: {} {} session={} ({})", session.type().wireName(), session.name(), session.id(), why);
        requests.sessionEnded(session);
        switch (session.type()) {
            case SHARDER -> {
                sharding.sharderEnded(session);
                router.retryPending(ServiceType.SHARDER);
            }
            case AUDIO -> {
                // the takeover JOINs go first: the new owner must recover a guild before any redelivered command
                // for it creates an empty player there
                List<RoutedEvent> joins = audioPlayers.takeovers(audioOwners.remove(session), unacked);
                joins.forEach(router::deliver);
                lavalink.afterTakeover(joins);
                if (!joins.isEmpty()) {
                    log.info("handing {} guilds of {} to other audio workers", joins.size(), session);
                }
            }
            default -> { }
        }
        router.redeliver(session, unacked);
    }

    public void cacheSink(CacheSink sink) {
        this.cacheSink = sink;
    }

    public HubConfig config() {
        return config;
    }

    public Handshake handshake() {
        return handshake;
    }

    public SessionRegistry sessions() {
        return sessions;
    }

    public Router router() {
        return router;
    }

    public OutboundBounds outbound() {
        return outbound;
    }

    public HubMetrics metrics() {
        return metrics;
    }

    public ShardAssigner shards() {
        return sharding.assigner();
    }

    public ShardStatusBoard shardStatus() {
        return sharding.board();
    }

    public AudioGuildOwners audioOwners() {
        return audioOwners;
    }

    public AudioPlayers audioPlayers() {
        return audioPlayers;
    }

    public Lavalink lavalink() {
        return lavalink;
    }

    public BotInfo botInfo() {
        return bot.info();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
