package dev.hubcord.audio.e2ee;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.audio.transport.FrameTransform;
import dev.hubcord.audio.voice.DaveSession;
import dev.hubcord.audio.voice.OpcodeRegistry;
import dev.hubcord.dave.DaveException;
import dev.hubcord.dave.DaveOutbound;
import dev.hubcord.dave.DaveProtocol;
import dev.hubcord.protocol.codec.Json;
import java.nio.ByteBuffer;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The voice connection's DAVE hook backed by {@link dev.hubcord.dave.DaveSession}: Identify offers version 1, op 4's
 * version starts the session (key package), ops 11/13 keep the set of users whose add proposals are accepted, the
 * JSON transition ops (21, 22, 24) and the binary MLS ops (25, 27, 29, 30) go to the library, and whatever it answers
 * (23, 26, 28, 31) is sent back in order. Handlers are called on the connection's event loop and hand each message
 * to the session's serial executor on {@link DaveWorkers}: the MLS work (a few milliseconds of CPU per commit) runs
 * there, one message at a time in arrival order, and the answers go back through {@link Outbound}, which the
 * connection sends from its event loop. A new session is made per voice connection (identify), so {@link #reset()}
 * has nothing to keep.
 */
public final class MlsDaveSession implements DaveSession {

    /** The factory {@link dev.hubcord.audio.AudioWorker} uses by default. */
    public static final Factory FACTORY = MlsDaveSession::new;

    private static final Logger log = LoggerFactory.getLogger(MlsDaveSession.class);
    /** Epoch changes of every session in this process: {@code audio_dave_epochs_total}. */
    private static final java.util.concurrent.atomic.LongAdder EPOCH_CHANGES = new java.util.concurrent.atomic.LongAdder();

    private final dev.hubcord.dave.DaveSession dave;
    private final DaveFrameTransform transform;
    private final java.util.concurrent.Executor serial = DaveWorkers.SHARED.serial();
    private volatile Outbound outbound;
    private long epoch; // the last epoch seen; read and written on the serial executor only

    public MlsDaveSession(long userId, long channelId) {
        this.dave = new dev.hubcord.dave.DaveSession(userId, channelId);
        this.transform = new DaveFrameTransform(dave.encryptor());
    }

    /** The library session, for inspection (epoch, protocol version, decryptors). */
    public dev.hubcord.dave.DaveSession session() {
        return dave;
    }

    @Override
    public int maxProtocolVersion() {
        return dave.maxProtocolVersion();
    }

    @Override
    public void register(OpcodeRegistry registry, Outbound out) {
        this.outbound = out;
        registry.onJson(11, d -> serial.execute(() -> d.path("user_ids").forEach(u -> dave.addUser(snowflake(u)))));
        registry.onJson(13, d -> serial.execute(() -> dave.removeUser(snowflake(d.path("user_id")))));
        registry.onJson(DaveProtocol.OP_PREPARE_TRANSITION, d -> serial.execute(() -> send(dave.onPrepareTransition(
                d.path("transition_id").asInt(), d.path("protocol_version").asInt()))));
        registry.onJson(DaveProtocol.OP_EXECUTE_TRANSITION, d -> serial.execute(() -> send(dave.onExecuteTransition(
                d.path("transition_id").asInt()))));
        registry.onJson(DaveProtocol.OP_PREPARE_EPOCH, d -> serial.execute(() -> send(dave.onPrepareEpoch(
                d.path("epoch").asLong(), d.path("protocol_version").asInt()))));
        for (int op : new int[] {DaveProtocol.OP_MLS_EXTERNAL_SENDER, DaveProtocol.OP_MLS_PROPOSALS,
                DaveProtocol.OP_MLS_ANNOUNCE_COMMIT_TRANSITION, DaveProtocol.OP_MLS_WELCOME}) {
            registry.onBinary(op, payload -> binary(op, payload));
        }
    }

    private void binary(int op, ByteBuffer payload) {
        byte[] bytes = new byte[payload.remaining()]; // copied here: the buffer is the event loop's
        payload.get(bytes);
        serial.execute(() -> {
            try {
                send(dave.onBinary(op, bytes));
            } catch (DaveException e) {
                // a malformed server message: nothing to answer (the protocol's recovery is for commits/welcomes)
                log.warn("DAVE op {} refused: {}", op, e.getMessage());
            }
        });
    }

    @Override
    public void start(int protocolVersion) {
        serial.execute(() -> send(dave.onSelectProtocolAck(protocolVersion)));
    }

    @Override
    public FrameTransform frameTransform() {
        return transform;
    }

    @Override
    public void reset() {
        // the connection makes a new session for its next identify; nothing survives
    }

    /** How many times a DAVE session of this process moved to another MLS epoch (commit, welcome, reset to 0). */
    public static long epochChanges() {
        return EPOCH_CHANGES.sum();
    }

    /** Every library call that can change the epoch answers through here, on the serial executor. */
    private void send(List<DaveOutbound> messages) {
        long now = dave.epoch();
        if (now != epoch) {
            epoch = now;
            EPOCH_CHANGES.increment();
        }
        for (DaveOutbound m : messages) {
            switch (m) {
                case DaveOutbound.Binary b -> outbound.sendBinary(b.opcode(), b.payload());
                case DaveOutbound.Json j -> {
                    ObjectNode d = Json.mapper().createObjectNode();
                    d.put("transition_id", j.transitionId());
                    outbound.sendJson(j.opcode(), d);
                }
            }
        }
    }

    private static long snowflake(JsonNode n) {
        try {
            return Long.parseUnsignedLong(n.asText());
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
