package dev.hubcord.hub.lavalink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.hub.routing.Router;
import dev.hubcord.hub.session.RoutedEvent;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.session.SessionRegistry;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.codec.Envelope;
import dev.hubcord.protocol.codec.Json;
import io.netty.channel.Channel;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Lavalink v4 node on the hub: its sessions (at most {@link #MAX_SESSIONS}; a WebSocket past it is refused with
 * HTTP 503), which session owns which guild, and the hooks the hub core calls for audio workers' events. A guild a
 * Lavalink session plays is the Lavalink client's: the workers' track events for it go to that session, their
 * GATEWAY_SEND for it are dropped (the client's own bot holds the voice state), and their REPLYs to the hub's
 * requests complete those requests.
 */
public final class Lavalink {

    private static final Logger log = LoggerFactory.getLogger(Lavalink.class);

    public static final int MAX_SESSIONS = 100;
    static final long STATS_INTERVAL_MS = 60_000;
    private static final char[] ID_CHARS = "abcdefghijklmnopqrstuvwxyz0123456789".toCharArray();

    /** A WebSocket accepted for a session, new or resumed. */
    record Opened(LavalinkSession session, boolean resumed) {}

    private final Map<String, LavalinkSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, LavalinkSession> guilds = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();
    private final ScheduledExecutorService timers;
    private final WorkerLink link;
    private final LavalinkStats stats;
    private final WorkerEvents events;
    private final LavalinkRest rest;

    public Lavalink(Router router, SessionRegistry hubSessions, ScheduledExecutorService timers,
            Predicate<String> authorized) {
        this.timers = timers;
        this.link = new WorkerLink(router, hubSessions, timers);
        this.stats = new LavalinkStats(hubSessions);
        this.events = new WorkerEvents();
        this.rest = new LavalinkRest(this, link, stats, authorized);
        timers.scheduleAtFixedRate(this::sendStats, STATS_INTERVAL_MS, STATS_INTERVAL_MS, TimeUnit.MILLISECONDS);
    }

    public LavalinkRest rest() {
        return rest;
    }

    /**
     * A WebSocket for {@code /v4/websocket}: resumes the session {@code resumeId} if it is resumable and away, else a
     * new one; {@code null} when {@link #MAX_SESSIONS} are open.
     */
    synchronized Opened open(Channel socket, String userId, String clientName, String resumeId) {
        LavalinkSession resumed = resumeId == null ? null : sessions.get(resumeId);
        if (resumed != null && resumed.resuming() && !resumed.connected() && !resumed.ended()) {
            if (resumed.expiry != null) {
                resumed.expiry.cancel(false);
            }
            resumed.attach(socket, true);
            log.info("lavalink session {} of {} resumed", resumed.id(), resumed.clientName());
            return new Opened(resumed, true);
        }
        if (sessions.size() >= MAX_SESSIONS) {
            log.warn("lavalink: {} sessions open; refused a WebSocket from {}", MAX_SESSIONS, clientName);
            return null;
        }
        LavalinkSession session = new LavalinkSession(newId(), userId, clientName);
        sessions.put(session.id(), session);
        session.attach(socket, false);
        session.send(stats.build(true));
        log.info("lavalink session {} opened by {} for bot {}", session.id(), clientName, userId);
        return new Opened(session, false);
    }

    /** The session's WebSocket closed: it waits for a resume if the client asked for one, else it ends now. */
    synchronized void closed(LavalinkSession session, Channel socket) {
        if (!session.detach(socket) || session.ended()) {
            return;
        }
        if (session.resuming()) {
            int timeout = session.timeoutSeconds();
            log.info("lavalink session {} disconnected; resumable for {} s", session.id(), timeout);
            session.expiry = timers.schedule(() -> {
                synchronized (this) {
                    if (!session.connected()) {
                        end(session, "not resumed within " + timeout + " s");
                    }
                }
            }, timeout, TimeUnit.SECONDS);
        } else {
            end(session, "WebSocket closed");
        }
    }

    /** Ends a session: its players are destroyed on the audio workers. */
    private void end(LavalinkSession session, String why) {
        session.end();
        sessions.remove(session.id());
        log.info("lavalink session {} ended ({}); destroying its {} players", session.id(), why, session.players().size());
        for (LavalinkPlayer player : List.copyOf(session.players())) {
            destroy(session, player.guildId());
        }
    }

    /** Whether a WebSocket with header {@code Session-Id: resumeId} would resume (else it gets a new session). */
    public synchronized boolean canResume(String resumeId) {
        LavalinkSession s = resumeId == null ? null : sessions.get(resumeId);
        return s != null && s.resuming() && !s.connected() && !s.ended();
    }

    /** Whether a new session can be opened now. */
    public boolean hasRoom() {
        return sessions.size() < MAX_SESSIONS;
    }

    /** The Netty handler for an upgraded {@code /v4/websocket}. */
    public io.netty.channel.ChannelHandler socketHandler(String userId, String clientName, String resumeId) {
        return new LavalinkSocketHandler(this, userId, clientName, resumeId);
    }

    LavalinkSession session(String id) {
        LavalinkSession s = sessions.get(id);
        return s == null || s.ended() ? null : s;
    }

    /** Makes {@code session} the one that hears the guild's events (the latest client to touch a guild has it). */
    void own(String guildId, LavalinkSession session) {
        LavalinkSession previous = guilds.put(guildId, session);
        if (previous != null && previous != session) {
            previous.removePlayer(guildId);
            log.info("guild {}: lavalink session {} takes it from {}", guildId, session.id(), previous.id());
        }
    }

    /** PLAYER_LEAVE on the worker; the guild stays the session's until the worker has answered (its last events). */
    java.util.concurrent.CompletableFuture<Void> destroy(LavalinkSession session, String guildId) {
        session.removePlayer(guildId);
        ObjectNode d = Json.mapper().createObjectNode();
        return link.request(EventType.PLAYER_LEAVE, guildId, d).handle((r, e) -> {
            guilds.remove(guildId, session);
            return null;
        });
    }

    /** Whether the guild is a Lavalink client's. */
    public boolean owns(String guildId) {
        return guildId != null && guilds.containsKey(guildId);
    }

    /**
     * An audio worker's event, before the hub routes it: {@code true} when it was the Lavalink side's and is consumed
     * (REPLYs to the hub's requests, GATEWAY_SEND and track/player events of Lavalink guilds).
     */
    public boolean intercept(Session from, EventType type, Envelope envelope) {
        if (from.type() != ServiceType.AUDIO) {
            return false;
        }
        switch (type) {
            case REPLY -> {
                return link.reply(envelope);
            }
            case GATEWAY_SEND -> {
                return owns(envelope.guildId());
            }
            case TRACK_START, TRACK_END, TRACK_EXCEPTION, TRACK_STUCK, PLAYER_UPDATE, VOICE_CLOSED -> {
                LavalinkSession session = envelope.guildId() == null ? null : guilds.get(envelope.guildId());
                if (session == null) {
                    return false;
                }
                try {
                    JsonNode d = Json.mapper().readTree(envelope.bytes(), envelope.dStart(), envelope.dLength());
                    LavalinkPlayer player = session.player(envelope.guildId());
                    ObjectNode message = events.translate(type, d, player);
                    if (message != null) {
                        session.send(message);
                    }
                } catch (IOException | RuntimeException e) {
                    log.warn("lavalink: {} for guild {} could not be passed on: {}", type, envelope.guildId(), e.toString());
                }
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    /**
     * After an audio worker's guilds were handed to others ({@code joins}, the takeover PLAYER_JOINs): the new owner
     * of a Lavalink guild gets the client's voice again, as the VOICE_STATE_UPDATE and VOICE_SERVER_UPDATE a sharder
     * would have sent, so that it connects to the same voice session without the client doing anything.
     */
    public void afterTakeover(List<RoutedEvent> joins) {
        for (RoutedEvent join : joins) {
            LavalinkSession session = join.guildId() == null ? null : guilds.get(join.guildId());
            LavalinkPlayer player = session == null ? null : session.player(join.guildId());
            if (player != null) {
                player.moving();
            }
            if (player != null && player.voice() != null) {
                log.info("guild {}: lavalink player moved to another audio worker; sending it the voice", join.guildId());
                sendVoice(session, player);
            }
        }
    }

    /** The client's voice as the worker's voice events: state (session id, channel, the bot's user) and server. */
    void sendVoice(LavalinkSession session, LavalinkPlayer player) {
        Voice voice = player.voice();
        ObjectNode state = Json.mapper().createObjectNode();
        state.put("channel_id", player.joinedChannel());
        state.put("user_id", session.userId());
        state.put("session_id", voice.sessionId());
        link.send(EventType.VOICE_STATE_UPDATE, player.guildId(), state);
        ObjectNode server = Json.mapper().createObjectNode();
        server.put("token", voice.token());
        server.put("endpoint", voice.endpoint());
        link.send(EventType.VOICE_SERVER_UPDATE, player.guildId(), server);
    }

    private void sendStats() {
        try {
            ObjectNode s = stats.build(true);
            for (LavalinkSession session : sessions.values()) {
                if (session.connected()) {
                    session.send(s);
                }
            }
        } catch (RuntimeException e) {
            log.warn("lavalink stats failed", e);
        }
    }

    private String newId() {
        char[] id = new char[16];
        for (int i = 0; i < id.length; i++) {
            id[i] = ID_CHARS[random.nextInt(ID_CHARS.length)];
        }
        return new String(id);
    }

    /** Open sessions (for tests and metrics). */
    public int sessionCount() {
        return sessions.size();
    }
}
