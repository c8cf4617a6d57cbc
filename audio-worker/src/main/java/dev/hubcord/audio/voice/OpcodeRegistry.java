package dev.hubcord.audio.voice;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;

/**
 * Opcode dispatch for one voice connection: JSON handlers by op, and binary handlers by op for the frames
 * {@code u16 seq | u8 op | payload} (DAVE's MLS messages). The connection registers its own ops; the DAVE session
 * registers 11, 13, 21, 22, 24 and the binary 25, 27, 29, 30. Unknown opcodes are ignored, as Discord asks.
 * Confined to the connection's event loop.
 */
public final class OpcodeRegistry {

    /** Handles one JSON message's {@code d}. */
    @FunctionalInterface
    public interface JsonHandler {
        void handle(JsonNode d);
    }

    /** Handles one binary message's payload (after seq and opcode). */
    @FunctionalInterface
    public interface BinaryHandler {
        void handle(ByteBuffer payload);
    }

    private final Map<Integer, JsonHandler> json = new HashMap<>();
    private final Map<Integer, BinaryHandler> binary = new HashMap<>();

    /** Adds a handler; several handlers for one op run in registration order. */
    public void onJson(int op, JsonHandler handler) {
        json.merge(op, handler, (a, b) -> d -> {
            a.handle(d);
            b.handle(d);
        });
    }

    public void onBinary(int op, BinaryHandler handler) {
        binary.merge(op, handler, (a, b) -> p -> {
            a.handle(p.duplicate());
            b.handle(p);
        });
    }

    /** @return whether a handler took it */
    boolean dispatchJson(int op, JsonNode d) {
        JsonHandler h = json.get(op);
        if (h == null) {
            return false;
        }
        h.handle(d);
        return true;
    }

    boolean dispatchBinary(int op, ByteBuffer payload) {
        BinaryHandler h = binary.get(op);
        if (h == null) {
            return false;
        }
        h.handle(payload);
        return true;
    }
}
