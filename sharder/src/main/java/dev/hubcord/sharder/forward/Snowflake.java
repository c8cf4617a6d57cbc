package dev.hubcord.sharder.forward;

import com.fasterxml.jackson.databind.JsonNode;

/** Discord IDs: unsigned 64-bit, sent as strings. */
final class Snowflake {

    private Snowflake() {}

    /** The ID in {@code node}, or 0 when missing or malformed. */
    static long of(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return 0;
        }
        try {
            return node.isTextual() ? Long.parseUnsignedLong(node.textValue()) : node.asLong(0);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static String text(long id) {
        return Long.toUnsignedString(id);
    }

    /** The shard of a guild: {@code (id >>> 22) % shardCount}, unsigned. */
    static int shardOf(long guildId, int shardCount) {
        return shardCount <= 0 ? 0 : (int) Long.remainderUnsigned(guildId >>> 22, shardCount);
    }
}
