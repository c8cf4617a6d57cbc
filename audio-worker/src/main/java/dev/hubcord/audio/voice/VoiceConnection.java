package dev.hubcord.audio.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.audio.transport.EncryptionMode;
import dev.hubcord.audio.transport.TransportCipher;
import dev.hubcord.audio.transport.UdpTransport;
import dev.hubcord.protocol.codec.Json;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice connection of one guild. All state lives on one event loop: public methods post to it. The sender
 * thread reads only {@link #transport()} (volatile). Reconnects back off 1, 2, 4 ... 30 s; more than
 * {@value #MAX_REJOINS} rejoins or {@value #MAX_RETRIES} failed reconnects in a row give up.
 */
public final class VoiceConnection {

    private static final Logger log = LoggerFactory.getLogger(VoiceConnection.class);
    static final int MAX_REJOINS = 3;
    static final int MAX_RETRIES = 6;

    private final long guildId;
    private final long userId;
    private final EventLoop loop;
    private final boolean tls;
    private final DaveSession.Factory daveFactory;
    private final VoiceEvents events;
    private final RejoinBudget rejoins = new RejoinBudget(MAX_REJOINS);

    private String sessionId;
    private long channelId;
    private String token;
    private String endpoint;
    private volatile VoiceSocket socket; // volatile for state(), read by metrics scrapes
    private OpcodeRegistry registry;
    private DaveSession dave;
    private boolean resuming;
    private boolean established; // identified and UDP secured: a resume is possible
    private long seqAck = -1;
    private int retries;
    private ScheduledFuture<?> heartbeat;
    private ScheduledFuture<?> reconnect;
    private long pendingNonce = -1;
    private boolean destroyed;
    private volatile UdpTransport udp;
    private volatile boolean ready;
    private volatile long ping = -1;

    public VoiceConnection(long guildId, long userId, EventLoop loop, boolean tls, DaveSession.Factory daveFactory,
            VoiceEvents events) {
        this.guildId = guildId;
        this.userId = userId;
        this.loop = loop;
        this.tls = tls;
        this.daveFactory = daveFactory;
        this.events = events;
    }

    /** VOICE_STATE_UPDATE for the bot: the voice session id and channel ({@code 0} = left the channel). */
    public void stateUpdate(String newSessionId, long newChannelId) {
        loop.execute(() -> {
            if (newChannelId == 0) {
                log.info("guild {}: the bot left the voice channel", guildId);
                teardown(true);
                sessionId = null;
                return;
            }
            sessionId = newSessionId;
            channelId = newChannelId;
            maybeConnect();
        });
    }

    /** VOICE_SERVER_UPDATE: a new token and endpoint (a new connection), or a null endpoint (wait for the next). */
    public void serverUpdate(String newToken, String newEndpoint) {
        loop.execute(() -> {
            teardown(true); // a new token always means a new voice session, even on the same endpoint
            token = newToken;
            endpoint = newEndpoint;
            if (newEndpoint == null) {
                log.info("guild {}: voice server being reallocated, waiting", guildId);
                return;
            }
            maybeConnect();
        });
    }

    /** Closes for good (PLAYER_LEAVE, worker shutdown). */
    public void destroy() {
        loop.execute(() -> {
            destroyed = true;
            teardown(true);
        });
    }

    /** The transport when audio may flow, else {@code null}. Read by the sender thread. */
    public UdpTransport transport() {
        return ready ? udp : null;
    }

    public boolean isReady() {
        return ready;
    }

    public VoiceState state() {
        return VoiceState.of(ready, socket != null);
    }

    /** Round trip of the last heartbeat in ms, -1 when not connected. */
    public long ping() {
        return ready ? ping : -1;
    }

    public long guildId() {
        return guildId;
    }

    private void maybeConnect() {
        if (!destroyed && socket == null && sessionId != null && token != null && endpoint != null) {
            connect(false);
        }
    }

    private void connect(boolean resume) {
        reconnect = null;
        resuming = resume;
        if (!resume) {
            DaveSession created = daveFactory.create(userId, channelId);
            dave = created;
            registry = new OpcodeRegistry();
            registerOwnHandlers(registry);
            // A DAVE session answers from its worker thread: the answer is sent from the event loop, in the order
            // given (always queued, never inline, so the order holds whichever thread answers), and only while the
            // session is still this connection's (a new identify makes a new one).
            created.register(registry, new DaveSession.Outbound() {
                @Override
                public void sendJson(int op, JsonNode d) {
                    loop.execute(() -> {
                        if (dave == created) {
                            send(op, d);
                        }
                    });
                }

                @Override
                public void sendBinary(int op, byte[] payload) {
                    loop.execute(() -> {
                        if (dave == created && socket != null) {
                            socket.sendBinary(op, payload);
                        }
                    });
                }
            });
            seqAck = -1;
        }
        log.debug("guild {}: connecting to {} ({})", guildId, endpoint, resume ? "resume" : "identify");
        VoiceSocket[] self = new VoiceSocket[1];
        self[0] = VoiceSocket.open(loop, endpoint, tls, new VoiceSocket.Listener() {
            @Override
            public void json(int op, JsonNode d, long seq) {
                if (socket == self[0]) {
                    if (seq >= 0) {
                        seqAck = seq;
                    }
                    if (!registry.dispatchJson(op, d)) {
                        log.debug("guild {}: ignoring voice op {}", guildId, op);
                    }
                }
            }

            @Override
            public void binary(int op, ByteBuffer payload, long seq) {
                if (socket == self[0]) {
                    seqAck = seq;
                    registry.dispatchBinary(op, payload);
                }
            }

            @Override
            public void closed(int code, String reason, boolean byRemote) {
                if (socket == self[0]) {
                    onClosed(code, reason, byRemote);
                }
            }
        });
        socket = self[0];
    }

    private void registerOwnHandlers(OpcodeRegistry r) {
        r.onJson(VoiceOp.HELLO, this::onHello);
        r.onJson(VoiceOp.READY, this::onReady);
        r.onJson(VoiceOp.SESSION_DESCRIPTION, this::onSessionDescription);
        r.onJson(VoiceOp.HEARTBEAT_ACK, this::onHeartbeatAck);
        r.onJson(VoiceOp.RESUMED, d -> {
            log.info("guild {}: voice session resumed", guildId);
            retries = 0;
            ready = udp != null && udp.isSecured();
        });
    }

    private void onHello(JsonNode d) {
        long interval = Math.max(50, d.path("heartbeat_interval").asLong(5000));
        if (heartbeat != null) {
            heartbeat.cancel(false);
        }
        pendingNonce = -1;
        heartbeat = loop.scheduleAtFixedRate(this::beat, interval, interval, TimeUnit.MILLISECONDS);
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("server_id", Long.toUnsignedString(guildId));
        out.put("session_id", sessionId);
        out.put("token", token);
        if (resuming) {
            out.put("seq_ack", seqAck);
            send(VoiceOp.RESUME, out);
        } else {
            out.put("user_id", Long.toUnsignedString(userId));
            out.put("max_dave_protocol_version", dave.maxProtocolVersion());
            send(VoiceOp.IDENTIFY, out);
        }
    }

    private void beat() {
        if (socket == null) {
            return;
        }
        if (pendingNonce >= 0) {
            log.warn("guild {}: no heartbeat ACK, reconnecting", guildId);
            socket.abort("no heartbeat ACK");
            return;
        }
        pendingNonce = System.currentTimeMillis();
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("t", pendingNonce);
        d.put("seq_ack", seqAck);
        send(VoiceOp.HEARTBEAT, d);
    }

    private void onHeartbeatAck(JsonNode d) {
        long t = d.path("t").asLong(-2);
        if (t == pendingNonce) {
            ping = System.currentTimeMillis() - t;
            pendingNonce = -1;
        }
    }

    private void onReady(JsonNode d) {
        List<String> modes = new ArrayList<>();
        d.path("modes").forEach(m -> modes.add(m.asText()));
        EncryptionMode mode = EncryptionMode.choose(modes);
        if (mode == null) {
            onClosed(4016, "no supported encryption mode among " + modes, false);
            return;
        }
        int ssrc = d.path("ssrc").asInt();
        InetSocketAddress server = new InetSocketAddress(d.path("ip").asText(), d.path("port").asInt());
        if (udp != null) {
            udp.close();
        }
        UdpTransport transport = UdpTransport.open(server, ssrc);
        udp = transport;
        VoiceSocket current = socket;
        Thread.ofVirtual().name("voice-discovery-" + guildId).start(() -> {
            try {
                InetSocketAddress self = transport.discover();
                loop.execute(() -> {
                    if (socket == current) {
                        ObjectNode data = Json.mapper().createObjectNode();
                        data.put("address", self.getHostString());
                        data.put("port", self.getPort());
                        data.put("mode", mode.wireName());
                        ObjectNode select = Json.mapper().createObjectNode();
                        select.put("protocol", "udp");
                        select.set("data", data);
                        send(VoiceOp.SELECT_PROTOCOL, select);
                    }
                });
            } catch (RuntimeException e) {
                log.warn("guild {}: {}", guildId, e.getMessage());
                loop.execute(() -> {
                    if (socket == current) {
                        socket.abort("IP discovery failed");
                    }
                });
            }
        });
    }

    private void onSessionDescription(JsonNode d) {
        EncryptionMode mode = EncryptionMode.choose(List.of(d.path("mode").asText()));
        JsonNode keyNode = d.path("secret_key");
        byte[] key = new byte[keyNode.size()];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) keyNode.get(i).asInt();
        }
        if (mode == null || udp == null) {
            onClosed(4016, "unusable session description", false);
            return;
        }
        dave.start(d.path("dave_protocol_version").asInt(0));
        udp.frameTransform(dave.frameTransform());
        udp.secure(TransportCipher.create(mode, key));
        ObjectNode speaking = Json.mapper().createObjectNode();
        speaking.put("speaking", 1);
        speaking.put("delay", 0);
        speaking.put("ssrc", udp.ssrc());
        established = true;
        retries = 0;
        VoiceSocket current = socket;
        UdpTransport transport = udp;
        // Speaking must precede the first RTP packet: audio starts once it is written out
        socket.sendJson(VoiceOp.SPEAKING, speaking).addListener(f -> {
            if (f.isSuccess() && socket == current) {
                ready = true;
                log.info("guild {}: voice ready ({}, ssrc {})", guildId, mode.wireName(), transport.ssrc());
                events.ready(guildId);
            }
        });
    }

    private void send(int op, JsonNode d) {
        if (socket != null) {
            socket.sendJson(op, d);
        }
    }

    private void onClosed(int code, String reason, boolean byRemote) {
        ready = false;
        stopSocket(1000);
        CloseAction action = CloseAction.of(code);
        if (resuming && code == 4006) {
            action = CloseAction.REJOIN;
        }
        if (action == CloseAction.RESUME && ++retries > MAX_RETRIES) {
            action = CloseAction.GIVE_UP;
        }
        if (action == CloseAction.REJOIN && !rejoins.take(System.currentTimeMillis())) {
            action = CloseAction.GIVE_UP;
        }
        log.info("guild {}: voice closed {} {} (remote: {}) -> {}", guildId, code, reason, byRemote, action);
        events.closed(guildId, code, reason, byRemote, action);
        switch (action) {
            case RESUME -> {
                // the first retry is immediate (4015 asks for a resume now), later ones back off 1, 2, 4 ... 30 s
                long delay = retries <= 1 ? 0 : Math.min(30_000, 1000L << Math.min(5, retries - 2));
                boolean resume = established; // nothing to resume before Session Description: identify again
                reconnect = loop.schedule(() -> {
                    if (!destroyed && socket == null) {
                        connect(resume);
                    }
                }, delay, TimeUnit.MILLISECONDS);
            }
            case REJOIN -> {
                teardown(false);
                token = null;
                endpoint = null;
                events.rejoinNeeded(guildId);
            }
            case GIVE_UP -> teardown(false);
        }
    }

    private void stopSocket(int closeCode) {
        if (heartbeat != null) {
            heartbeat.cancel(false);
            heartbeat = null;
        }
        if (reconnect != null) {
            reconnect.cancel(false);
            reconnect = null;
        }
        if (socket != null && closeCode > 0) {
            socket.close(closeCode);
        }
        socket = null;
    }

    /** Ends the voice session: socket (closed by us, so no event), UDP, DAVE state. */
    private void teardown(boolean closeSocket) {
        ready = false;
        stopSocket(closeSocket ? 1000 : -1);
        established = false;
        retries = 0;
        if (udp != null) {
            udp.close();
            udp = null;
        }
        if (dave != null) {
            dave.reset();
        }
    }
}
