package dev.hubcord.sharder.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;

/** The user fields the hub's cache keeps, as the sharder remembers them for a resend. */
record UserRecord(long id, String username, String discriminator, String globalName, String avatar, boolean bot) {

    /** From Discord's user object; fields it does not carry keep the {@code previous} values. */
    static UserRecord of(JsonNode u, UserRecord previous) {
        long id = Snowflake.of(u.path("id"));
        UserRecord p = previous != null && previous.id == id ? previous
                : new UserRecord(id, null, null, null, null, false);
        return new UserRecord(id,
                u.has("username") ? text(u, "username") : p.username,
                u.has("discriminator") ? discriminator(u.get("discriminator")) : p.discriminator,
                u.has("global_name") ? text(u, "global_name") : p.globalName,
                u.has("avatar") ? text(u, "avatar") : p.avatar,
                u.has("bot") ? u.path("bot").asBoolean(false) : p.bot);
    }

    /** The cache's user shape: {@code {id, username, discriminator, globalName, avatar, bot}}. */
    ObjectNode toEntity(boolean standalone) {
        ObjectNode n = Json.mapper().createObjectNode();
        if (standalone) {
            n.put("type", "user");
        }
        n.put("id", Long.toUnsignedString(id));
        if (username != null) {
            n.put("username", username);
        }
        if (discriminator != null) {
            n.put("discriminator", discriminator);
        }
        n.put("globalName", globalName);
        n.put("avatar", avatar);
        n.put("bot", bot);
        return n;
    }

    static String text(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    /** "0" for migrated usernames, "0001"-style otherwise; anything else is dropped rather than refused by the hub. */
    private static String discriminator(JsonNode v) {
        if (v == null || v.isNull()) {
            return null;
        }
        String s = v.asText();
        return s.length() >= 1 && s.length() <= 4 && s.chars().allMatch(c -> c >= '0' && c <= '9') ? s : null;
    }
}
