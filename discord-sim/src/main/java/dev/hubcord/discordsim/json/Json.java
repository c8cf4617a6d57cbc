package dev.hubcord.discordsim.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.SimException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Shared Jackson mapper and the small helpers every payload builder uses (snowflake strings, timestamps). */
public final class Json {

    /** Thread-safe once configured; shared by the whole simulator. */
    public static final ObjectMapper MAPPER = new ObjectMapper();

    // Discord writes microseconds and an explicit +00:00 offset, e.g. 2022-10-13T14:35:40.794000+00:00.
    private static final DateTimeFormatter ISO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSxxx").withZone(ZoneOffset.UTC);

    private Json() {}

    public static ObjectNode obj() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode arr() {
        return MAPPER.createArrayNode();
    }

    /** Snowflakes go over the wire as unsigned decimal strings. */
    public static String id(long snowflake) {
        return Long.toUnsignedString(snowflake);
    }

    public static String timestamp(long epochMillis) {
        return ISO.format(Instant.ofEpochMilli(epochMillis));
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new SimException(SimException.Kind.INTERNAL, "cannot serialise JSON", e);
        }
    }

    /** Parses JSON text; returns null for anything that is not valid JSON, so callers can map it to their error. */
    public static JsonNode parseOrNull(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Reads a snowflake that may arrive as a string (normal) or a number (some clients); -1 when absent or invalid.
     */
    public static long snowflake(JsonNode node) {
        if (node == null || node.isNull()) {
            return -1;
        }
        if (node.isIntegralNumber() && node.canConvertToLong()) {
            return node.longValue();
        }
        if (node.isTextual()) {
            try {
                return Long.parseUnsignedLong(node.textValue());
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** A Discord-style {@code _trace} array: one string that itself holds JSON. */
    public static ArrayNode trace(String component) {
        ArrayNode trace = arr();
        trace.add("[\"" + component + "\",{\"micros\":0.0}]");
        return trace;
    }
}
