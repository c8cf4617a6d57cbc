package dev.hubcord.discordsim.json;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Builds gateway envelopes in Discord's real key order {@code t, s, op, d}. Non-dispatch payloads carry explicit
 * {@code "t":null,"s":null} like real HELLO and ACK frames do.
 */
public final class Envelope {

    private Envelope() {}

    public static String dispatch(String type, int seq, JsonNode data) {
        ObjectNode env = Json.obj();
        env.put("t", type);
        env.put("s", seq);
        env.put("op", 0);
        env.set("d", data);
        return Json.write(env);
    }

    /** A dispatch with {@code "s":null}, for a RESUMED configured to carry no sequence number. */
    public static String dispatchWithoutSeq(String type, JsonNode data) {
        ObjectNode env = Json.obj();
        env.put("t", type);
        env.putNull("s");
        env.put("op", 0);
        env.set("d", data);
        return Json.write(env);
    }

    public static String op(int op, JsonNode data) {
        ObjectNode env = Json.obj();
        env.putNull("t");
        env.putNull("s");
        env.put("op", op);
        env.set("d", data == null ? Json.MAPPER.nullNode() : data);
        return Json.write(env);
    }

    public static String op(int op, boolean data) {
        return op(op, Json.MAPPER.getNodeFactory().booleanNode(data));
    }
}
