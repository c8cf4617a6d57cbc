package dev.hubcord.discordsim.voice;

import dev.hubcord.discordsim.SimException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A simulated Discord voice server on loopback: a voice gateway v8 WebSocket ({@code wss://} with a certificate made
 * at start, see {@link VoiceTls}, and {@code ws://}, on one port) and one UDP socket.
 *
 * <pre>{@code
 * try (VoiceServer voice = VoiceServer.start(VoiceServerConfig.defaults())) {
 *     voice.addFrameListener(frame -> frames.add(frame));
 *     // send VOICE_SERVER_UPDATE with endpoint voice.endpoint() ...
 * }
 * }</pre>
 *
 * Test controls: {@link #close(long, int)} sends a close code to a guild's connection, {@link #drop(long)} cuts its
 * TCP connection, {@link #violations()} lists every RTP or protocol rule a client broke.
 */
public final class VoiceServer implements AutoCloseable {

    private static final int MAX_VIOLATIONS = 1000;

    private final VoiceServerConfig config;
    private final SecureRandom random = new SecureRandom();
    private final AtomicInteger nextSsrc = new AtomicInteger(1000);
    private final Map<Long, VoiceSession> byGuild = new ConcurrentHashMap<>();
    private final Map<Integer, VoiceSession> bySsrc = new ConcurrentHashMap<>();
    private final Map<Long, Long> channelOfGuild = new ConcurrentHashMap<>();
    private final Map<Long, DaveRoom> rooms = new ConcurrentHashMap<>();
    private final Set<Channel> channels = ConcurrentHashMap.newKeySet();
    private final List<Consumer<ReceivedFrame>> frameListeners = new CopyOnWriteArrayList<>();
    private final List<ClientMessage> messages = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final AtomicLong packets = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private volatile boolean heartbeatsPaused;
    private volatile boolean resumesPaused;
    /**
     * The bot's DAVE messages, in arrival order, off the event loop: MLS work (tens of milliseconds cold) there would
     * delay Speaking behind a key package and fail the RTP-before-Speaking check.
     */
    private final ExecutorService daveWork = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("voice-sim-dave").factory());
    /** Fires DAVE transition timeouts; the work itself runs on {@link #daveWork}, in order with the rest. */
    private final ScheduledExecutorService transitionTimeouts = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().daemon().name("voice-sim-dave-timer").factory());
    private VoiceSockets sockets;

    private VoiceServer(VoiceServerConfig config) {
        this.config = config;
    }

    /** Binds an ephemeral WebSocket port and an ephemeral UDP port on {@code config.host()}. */
    public static VoiceServer start(VoiceServerConfig config) {
        VoiceServer server = new VoiceServer(config);
        try {
            server.sockets = VoiceSockets.bind(config.host(), server);
        } catch (RuntimeException e) {
            server.close(); // its DAVE threads
            throw e;
        }
        return server;
    }

    /**
     * {@code host:port} of the voice gateway, as VOICE_SERVER_UPDATE's {@code endpoint} carries it. Discord's is a
     * host name ({@code rotterdam2601.discord.media:443}), so the IPv4 loopback is named {@code localhost}; any other
     * bind address is given as it is.
     */
    public String endpoint() {
        String host = "127.0.0.1".equals(config.host()) ? "localhost" : config.host();
        return host + ":" + sockets.port();
    }

    /** The voice gateway's TLS (it answers {@code wss://} and {@code ws://} on {@link #endpoint()}): what to trust. */
    public VoiceTls tls() {
        return sockets.tls();
    }

    public int udpPort() {
        return sockets.udpPort();
    }

    public VoiceServerConfig config() {
        return config;
    }

    public void addFrameListener(Consumer<ReceivedFrame> listener) {
        frameListeners.add(listener);
    }

    /** The current session of a guild, if any client identified for it. */
    public VoiceSessionInfo session(long guildId) {
        VoiceSession s = byGuild.get(guildId);
        return s == null ? null : s.info();
    }

    /** The opcodes (JSON and binary) the guild's session replayed on its last resume, in order. */
    public List<Integer> replayedOps(long guildId) {
        VoiceSession s = byGuild.get(guildId);
        return s == null ? List.of() : s.replayed();
    }

    /** Whether the guild's session has an open WebSocket now. */
    public boolean connected(long guildId) {
        VoiceSession s = byGuild.get(guildId);
        Channel c = s == null ? null : s.channel();
        return c != null && c.isActive();
    }

    /** Sends a close frame with {@code code} to the guild's connection and closes it. */
    public void close(long guildId, int code) {
        Channel c = channelOf(guildId);
        c.writeAndFlush(new CloseWebSocketFrame(code, "closed by test")).addListener(ChannelFutureListener.CLOSE);
    }

    /** Cuts the guild's TCP connection without a close frame, as a crashed voice server would. */
    public void drop(long guildId) {
        Channel c = channelOf(guildId);
        // around the pipeline: a plain close() would let Netty's WebSocket handler send a 1000 close frame first
        c.eventLoop().execute(() -> c.unsafe().closeForcibly());
    }

    /** Sends a server message (numbered, buffered for resume) to the guild's session, e.g. an unknown opcode. */
    public void send(long guildId, int op, com.fasterxml.jackson.databind.JsonNode d) {
        VoiceSession s = byGuild.get(guildId);
        if (s == null) {
            throw new SimException(SimException.Kind.NOT_FOUND, "no voice session for guild " + guildId);
        }
        s.send(op, d);
    }

    /**
     * Says which voice channel the guild's bot is in (as Discord's main gateway tells its voice server): the DAVE
     * group id is the channel id. Call before the bot connects; without it the guild id is used.
     */
    public void assignChannel(long guildId, long channelId) {
        channelOfGuild.put(guildId, channelId);
        DaveRoom room = rooms.get(guildId);
        if (room != null && room.channelId != channelId) {
            rooms.remove(guildId, room); // another channel is another group (its listeners and settings stay behind)
        }
    }

    /**
     * A simulated listener joins the guild's voice channel: op 11 to the bot, and it joins the DAVE group through
     * the simulated gateway (add proposal, the bot's commit, Welcome, transition).
     */
    public SimulatedListener addListener(long guildId, long userId) {
        return room(guildId).addListener(userId);
    }

    /** The listener leaves: op 13 to the bot, a remove proposal; it keeps trying to decrypt (and fails). */
    public void removeListener(long guildId, long userId) {
        room(guildId).removeListener(userId);
    }

    /** A connected simulated listener, or {@code null}. */
    public SimulatedListener listener(long guildId, long userId) {
        DaveRoom r = rooms.get(guildId);
        return r == null ? null : r.listener(userId);
    }

    /**
     * In-process listeners always commit before a bot across a socket can; {@code false} drops their commits so
     * the bot's commit wins every epoch of this guild (the path where the bot commits and the gateway announces it).
     * Set it once the bot's channel is assigned (a new channel starts with listeners committing).
     */
    public void listenersCommit(long guildId, boolean commit) {
        room(guildId).listenersCommit(commit);
    }

    /** Flips bytes in the next Welcome (op 30) the guild's bot gets, as a broken gateway or a bit error would. */
    public void corruptNextWelcomeToBot(long guildId) {
        room(guildId).corruptNextWelcomeToBot();
    }

    /** Downgrades the guild's channel to DAVE version 0 or upgrades it back to 1 (op 21/22, or 25/24 and a new group). */
    public void setDaveProtocolVersion(long guildId, int version) {
        room(guildId).setProtocolVersion(version);
    }

    /** The MLS epoch the guild's gateway proposes for (0 without a group). Reading it creates nothing. */
    public long daveEpoch(long guildId) {
        DaveRoom r = rooms.get(guildId);
        return r == null ? 0 : r.epoch();
    }

    /** The guild channel's DAVE protocol version: the configured one until the channel has a room. */
    public int daveProtocolVersion(long guildId) {
        DaveRoom r = rooms.get(guildId);
        return r == null ? config.daveProtocolVersion() : r.protocolVersion();
    }

    /** The voice channel {@link #assignChannel} gave the guild's bot, if any. */
    public OptionalLong assignedChannel(long guildId) {
        Long channel = channelOfGuild.get(guildId);
        return channel == null ? OptionalLong.empty() : OptionalLong.of(channel);
    }

    /** The simulated listeners in the guild's voice channel now (not those that left). */
    public List<SimulatedListener> listeners(long guildId) {
        DaveRoom r = rooms.get(guildId);
        return r == null ? List.of() : r.listeners();
    }

    /** The guilds a client identified for (their sessions live until the server closes). */
    public Set<Long> guilds() {
        return Set.copyOf(byGuild.keySet());
    }

    DaveRoom room(long guildId) {
        return rooms.computeIfAbsent(guildId, g -> new DaveRoom(g, channelOfGuild.getOrDefault(g, g),
                config.daveProtocolVersion(), this::afterTransitionTimeout));
    }

    private void afterTransitionTimeout(Runnable task) {
        try {
            transitionTimeouts.schedule(() -> daveWork(task), config.transitionTimeoutMs(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    void daveWork(Runnable task) {
        try {
            daveWork.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    violation("DAVE handling failed: " + e);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closing
        }
    }

    /** Holds every RESUME (op 7) unanswered until called with {@code false}, so messages pile up for the replay. */
    public void pauseResumes(boolean paused) {
        resumesPaused = paused;
    }

    boolean resumesPaused() {
        return resumesPaused;
    }

    /** Stops answering heartbeats (to test a client's dead-connection detection) or starts again. */
    public void pauseHeartbeatAcks(boolean paused) {
        heartbeatsPaused = paused;
    }

    private Channel channelOf(long guildId) {
        VoiceSession s = byGuild.get(guildId);
        Channel c = s == null ? null : s.channel();
        if (c == null) {
            throw new SimException(SimException.Kind.NOT_FOUND, "no voice connection for guild " + guildId);
        }
        return c;
    }

    /** Every JSON message clients sent (binary DAVE frames appear with {@code d == null}). */
    public List<ClientMessage> messages() {
        return new ArrayList<>(messages);
    }

    /** The messages with this opcode sent for this guild. */
    public List<ClientMessage> messages(long guildId, int op) {
        return messages.stream().filter(m -> m.guildId() == guildId && m.op() == op).toList();
    }

    /** Every rule broken so far (RTP layout, continuity, decryption, Speaking order); empty when all was well. */
    public List<String> violations() {
        return new ArrayList<>(violations);
    }

    /** UDP packets received that were not IP discovery. */
    public long packets() {
        return packets.get();
    }

    /** Frames decrypted and delivered. */
    public long frames() {
        return frames.get();
    }

    boolean heartbeatsPaused() {
        return heartbeatsPaused;
    }

    VoiceSession newSession(long guildId, long userId, String sessionId, String token, int maxDave) {
        VoiceSession s = new VoiceSession(guildId, userId, sessionId, token, nextSsrc.incrementAndGet(), maxDave,
                config.resumeBuffer());
        VoiceSession old = byGuild.put(guildId, s);
        if (old != null) {
            Channel c = old.channel();
            if (c != null) {
                c.close();
            }
        }
        bySsrc.put(s.ssrc, s);
        return s;
    }

    VoiceSession sessionFor(long guildId) {
        return byGuild.get(guildId);
    }

    VoiceSession sessionForSsrc(int ssrc) {
        return bySsrc.get(ssrc);
    }

    byte[] randomKey() {
        byte[] key = new byte[32];
        random.nextBytes(key);
        return key;
    }

    void register(Channel c) {
        channels.add(c);
    }

    void unregister(Channel c) {
        channels.remove(c);
    }

    void record(ClientMessage message) {
        messages.add(message);
    }

    void violation(String what) {
        if (violations.size() < MAX_VIOLATIONS) {
            violations.add(what);
        }
    }

    void countPacket() {
        packets.incrementAndGet();
    }

    void deliver(ReceivedFrame frame) {
        frames.incrementAndGet();
        DaveRoom room = rooms.get(frame.guildId());
        if (room != null) {
            room.botFrame(frame.opus());
        }
        for (Consumer<ReceivedFrame> listener : frameListeners) {
            listener.accept(frame);
        }
    }

    @Override
    public void close() {
        if (sockets != null) {
            sockets.closeUdp();
            channels.forEach(Channel::close);
            sockets.close();
        }
        daveWork.shutdownNow();
        transitionTimeouts.shutdownNow();
    }
}
