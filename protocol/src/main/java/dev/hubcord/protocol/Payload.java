package dev.hubcord.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;

/**
 * One decoded protocol payload: the envelope of contract section 2 with {@code d} as a JSON tree.
 *
 * @param op the opcode
 * @param t the event name, only for {@link Opcode#EVENT}
 * @param s the hub's sequence number, only on events the hub sends; {@code null} otherwise
 * @param d the data, never Java {@code null} (JSON null is {@link NullNode})
 */
public record Payload(Opcode op, String t, Long s, JsonNode d) {

    public Payload {
        d = d == null ? NullNode.getInstance() : d;
    }

    public static Payload of(Opcode op, JsonNode d) {
        return new Payload(op, null, null, d);
    }

    public static Payload event(String t, JsonNode d) {
        return new Payload(Opcode.EVENT, t, null, d);
    }
}
