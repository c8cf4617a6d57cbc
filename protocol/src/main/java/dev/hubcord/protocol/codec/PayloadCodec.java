package dev.hubcord.protocol.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.Opcode;
import dev.hubcord.protocol.Payload;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Whole-payload JSON codec, for clients: every payload becomes a {@link Payload} with a tree for
 * {@code d}. The hub's hot path uses {@link EnvelopeScanner} instead.
 */
public final class PayloadCodec {

    private static final ObjectMapper MAPPER = Json.mapper();

    private PayloadCodec() {}

    /**
     * Decodes one payload and checks its envelope.
     *
     * @throws ProtocolException INVALID_JSON for unparseable bytes, INVALID_PAYLOAD for a missing
     *     {@code op} or {@code d} or ill-typed fields, UNKNOWN_OPCODE for an op outside the table
     */
    public static Payload decode(byte[] json, int offset, int length) {
        JsonNode root;
        try {
            root = MAPPER.readTree(json, offset, length);
        } catch (IOException e) {
            throw new ProtocolException(ProtocolException.Kind.INVALID_JSON, "invalid JSON: " + firstLine(e), e);
        }
        return fromTree(root);
    }

    public static Payload decode(byte[] json) {
        return decode(json, 0, json.length);
    }

    /** Checks an already parsed envelope. */
    public static Payload fromTree(JsonNode root) {
        if (root == null || !root.isObject()) {
            throw invalid("payload must be a JSON object");
        }
        JsonNode op = root.get("op");
        if (op == null || op.isNull()) {
            throw invalid("missing op");
        }
        if (!op.isIntegralNumber() || !op.canConvertToInt()) {
            throw invalid("op must be an integer");
        }
        Opcode opcode = Opcode.fromCode(op.intValue());
        if (opcode == null) {
            throw new ProtocolException(ProtocolException.Kind.UNKNOWN_OPCODE, "unknown op " + op.intValue());
        }
        if (!root.has("d")) {
            throw invalid("missing d");
        }
        JsonNode t = root.get("t");
        if (t != null && !t.isNull() && !t.isTextual()) {
            throw invalid("t must be a string");
        }
        JsonNode s = root.get("s");
        if (s != null && !s.isNull() && !s.canConvertToLong()) {
            throw invalid("s must be an integer");
        }
        return new Payload(
                opcode,
                t == null || t.isNull() ? null : t.textValue(),
                s == null || s.isNull() ? null : s.longValue(),
                root.get("d"));
    }

    /** Encodes a payload; {@code t} and {@code s} are written only when set. */
    public static byte[] encode(Payload payload) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(128);
        try (JsonGenerator gen = MAPPER.createGenerator(out)) {
            gen.writeStartObject();
            gen.writeNumberField("op", payload.op().code());
            if (payload.t() != null) {
                gen.writeStringField("t", payload.t());
            }
            if (payload.s() != null) {
                gen.writeNumberField("s", payload.s());
            }
            gen.writeFieldName("d");
            MAPPER.writeTree(gen, payload.d());
            gen.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Converts any value (record, map, tree) into a JSON tree for {@code d}. */
    public static JsonNode toTree(Object value) {
        return value instanceof JsonNode node ? node : MAPPER.valueToTree(value);
    }

    /** A new empty object for building {@code d}. */
    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    private static ProtocolException invalid(String message) {
        return new ProtocolException(ProtocolException.Kind.INVALID_PAYLOAD, message);
    }

    static String firstLine(Exception e) {
        String message = e instanceof JsonProcessingException jpe ? jpe.getOriginalMessage() : e.getMessage();
        if (message == null) {
            return e.getClass().getSimpleName();
        }
        int nl = message.indexOf('\n');
        String line = nl < 0 ? message : message.substring(0, nl);
        return line.length() > 80 ? line.substring(0, 80) : line;
    }
}
