package dev.hubcord.hub.lavalink;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.EnvelopeWriter;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Lavalink client session: its WebSocket (absent while it may resume), its players, and its resume settings.
 * Bounds: at most {@link #MAX_PLAYERS} players; at most {@link #MAX_UNWRITTEN} messages written and not yet flushed to
 * a slow client (past it the socket is closed with 1008, as a client that cannot keep up; the session then resumes
 * or ends like any drop); at most {@link #MAX_BACKLOG} messages kept while disconnected and resumable (past it the
 * oldest is dropped, logged once per disconnection).
 */
final class LavalinkSession {

    private static final Logger log = LoggerFactory.getLogger(LavalinkSession.class);

    static final int MAX_PLAYERS = 1000;
    static final int MAX_UNWRITTEN = 1000;
    static final int MAX_BACKLOG = 1000;

    private final String id;
    private final String userId;
    private final String clientName;
    private final Map<String, LavalinkPlayer> players = new ConcurrentHashMap<>();
    private final ArrayDeque<byte[]> backlog = new ArrayDeque<>();
    private final AtomicInteger unwritten = new AtomicInteger();
    private Channel channel;
    private boolean backlogOverflowLogged;
    private volatile boolean resuming;
    private volatile int timeoutSeconds = 60;
    private volatile boolean ended;
    ScheduledFuture<?> expiry;

    LavalinkSession(String id, String userId, String clientName) {
        this.id = id;
        this.userId = userId;
        this.clientName = clientName;
    }

    String id() {
        return id;
    }

    String userId() {
        return userId;
    }

    String clientName() {
        return clientName;
    }

    boolean resuming() {
        return resuming;
    }

    int timeoutSeconds() {
        return timeoutSeconds;
    }

    void resumeSettings(boolean resuming, int timeoutSeconds) {
        this.resuming = resuming;
        this.timeoutSeconds = timeoutSeconds;
    }

    boolean ended() {
        return ended;
    }

    void end() {
        ended = true;
    }

    LavalinkPlayer player(String guildId) {
        return players.get(guildId);
    }

    /** The guild's player, created if the session has room; {@code null} when it has {@link #MAX_PLAYERS}. */
    LavalinkPlayer playerOrCreate(String guildId) {
        LavalinkPlayer existing = players.get(guildId);
        if (existing != null || players.size() >= MAX_PLAYERS) {
            return existing;
        }
        return players.computeIfAbsent(guildId, LavalinkPlayer::new);
    }

    LavalinkPlayer removePlayer(String guildId) {
        return players.remove(guildId);
    }

    Collection<LavalinkPlayer> players() {
        return players.values();
    }

    synchronized boolean connected() {
        return channel != null && channel.isActive();
    }

    /** A (new) socket for this session: sends {@code ready} first, then what was kept while it was away. */
    synchronized void attach(Channel socket, boolean resumed) {
        channel = socket;
        ObjectNode ready = dev.hubcord.protocol.codec.Json.mapper().createObjectNode();
        ready.put("op", "ready");
        ready.put("resumed", resumed);
        ready.put("sessionId", id);
        write(EnvelopeWriter.data(ready));
        while (!backlog.isEmpty()) {
            write(backlog.poll());
        }
        backlogOverflowLogged = false;
    }

    /** The socket went away; {@code false} if it was not this session's current one. */
    synchronized boolean detach(Channel socket) {
        if (channel != socket) {
            return false;
        }
        channel = null;
        return true;
    }

    /** Sends a message now, or keeps it while the session is disconnected (dropped if it is not resumable). */
    synchronized void send(ObjectNode message) {
        byte[] bytes = EnvelopeWriter.data(message);
        if (channel != null && channel.isActive()) {
            write(bytes);
            return;
        }
        if (!resuming || ended) {
            return;
        }
        if (backlog.size() >= MAX_BACKLOG) {
            backlog.poll();
            if (!backlogOverflowLogged) {
                backlogOverflowLogged = true;
                log.warn("lavalink session {}: {} messages kept while disconnected; dropping the oldest", id, MAX_BACKLOG);
            }
        }
        backlog.add(bytes);
    }

    private void write(byte[] bytes) {
        if (unwritten.incrementAndGet() > MAX_UNWRITTEN) {
            unwritten.decrementAndGet();
            log.warn("lavalink session {}: client {} does not read its socket ({} messages unwritten); closing it", id,
                    clientName, MAX_UNWRITTEN);
            close(1008, "too slow");
            return;
        }
        channel.writeAndFlush(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)))
                .addListener(f -> unwritten.decrementAndGet());
    }

    synchronized void close(int code, String reason) {
        if (channel != null) {
            Channel c = channel;
            c.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(f -> c.close());
        }
    }
}
