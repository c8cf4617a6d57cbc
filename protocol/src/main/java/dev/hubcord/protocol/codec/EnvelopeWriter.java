package dev.hubcord.protocol.codec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * Writes the hub's outgoing payloads as bytes by concatenation: an event is
 * {@code {"op":2,"t":"NAME","s":N,"d":} + d's original bytes + {@code }}, so a forwarded {@code d}
 * is never parsed or re-serialised. Event names come from the event table and need no escaping.
 */
public final class EnvelopeWriter {

    private static final byte[] EVENT_PREFIX = "{\"op\":2,\"t\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SEQ_PART = "\",\"s\":".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] D_PART = ",\"d\":".getBytes(StandardCharsets.US_ASCII);

    private EnvelopeWriter() {}

    /** An op 2 event with the given name, sequence number and the raw bytes of {@code d}. */
    public static byte[] event(String name, long seq, byte[] d, int dStart, int dEnd) {
        byte[] seqDigits = Long.toString(seq).getBytes(StandardCharsets.US_ASCII);
        int nameLength = name.length();
        int dLength = dEnd - dStart;
        byte[] out = new byte[EVENT_PREFIX.length + nameLength + SEQ_PART.length + seqDigits.length
                + D_PART.length + dLength + 1];
        int i = 0;
        System.arraycopy(EVENT_PREFIX, 0, out, i, EVENT_PREFIX.length);
        i += EVENT_PREFIX.length;
        for (int c = 0; c < nameLength; c++) {
            out[i++] = (byte) name.charAt(c);
        }
        System.arraycopy(SEQ_PART, 0, out, i, SEQ_PART.length);
        i += SEQ_PART.length;
        System.arraycopy(seqDigits, 0, out, i, seqDigits.length);
        i += seqDigits.length;
        System.arraycopy(D_PART, 0, out, i, D_PART.length);
        i += D_PART.length;
        System.arraycopy(d, dStart, out, i, dLength);
        i += dLength;
        out[i] = '}';
        return out;
    }

    public static byte[] event(String name, long seq, byte[] d) {
        return event(name, seq, d, 0, d.length);
    }

    /** A payload without {@code t} and {@code s}: HELLO, HEARTBEAT_ACK, the hub's HEARTBEAT request. */
    public static byte[] control(int op, String dJson) {
        return ("{\"op\":" + op + ",\"d\":" + dJson + "}").getBytes(StandardCharsets.UTF_8);
    }

    /** Serialises a value (record, map or tree) as the bytes of a {@code d}. */
    public static byte[] data(Object value) {
        try {
            return Json.mapper().writeValueAsBytes(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns {@code d} with {@code "redelivered": true} added. Only used when an event is delivered
     * again, so the full parse is off the hot path.
     */
    public static byte[] withRedelivered(byte[] d, int dStart, int dEnd) {
        try {
            JsonNode tree = Json.mapper().readTree(d, dStart, dEnd - dStart);
            if (!(tree instanceof ObjectNode object)) {
                return java.util.Arrays.copyOfRange(d, dStart, dEnd);
            }
            object.put("redelivered", true);
            return Json.mapper().writeValueAsBytes(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
