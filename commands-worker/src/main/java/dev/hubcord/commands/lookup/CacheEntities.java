package dev.hubcord.commands.lookup;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;

/**
 * Discord's REST member and user objects in the hub cache's op 5 shapes (docs/protocol.md, "Cache"), which are also
 * the shapes the hub's REST API answers with, so the same node becomes a {@code HubMember} / {@code HubUser}.
 */
final class CacheEntities {

    private CacheEntities() {
    }

    /** {@code {type:"member", id, guildID, nickname, roles[], joinedAt, avatar, communicationDisabledUntil, ..., user}}. */
    static ObjectNode member(JsonNode m, String guildId) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "member");
        n.put("id", m.path("user").path("id").asText());
        n.put("guildID", guildId);
        n.put("nickname", text(m, "nick"));
        ArrayNode roles = n.putArray("roles");
        m.path("roles").forEach(r -> roles.add(r.asText()));
        if (m.hasNonNull("joined_at")) {
            n.put("joinedAt", m.get("joined_at").asText());
        }
        n.put("avatar", text(m, "avatar"));
        n.put("communicationDisabledUntil", text(m, "communication_disabled_until"));
        for (String flag : new String[] {"pending", "deaf", "mute"}) {
            if (m.path(flag).isBoolean()) {
                n.put(flag, m.get(flag).booleanValue());
            }
        }
        ObjectNode user = user(m.path("user"));
        user.remove("type");
        n.set("user", user);
        return n;
    }

    /** {@code {type:"user", id, username, discriminator, globalName, avatar, bot}}. */
    static ObjectNode user(JsonNode u) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "user");
        n.put("id", u.path("id").asText());
        n.put("username", u.path("username").asText(""));
        String discriminator = text(u, "discriminator");
        // The cache accepts "0" or up to four digits; anything else is dropped rather than refused.
        if (discriminator != null && discriminator.matches("\\d{1,4}")) {
            n.put("discriminator", discriminator);
        }
        n.put("globalName", text(u, "global_name"));
        n.put("avatar", text(u, "avatar"));
        n.put("bot", u.path("bot").asBoolean(false));
        return n;
    }

    /** Whether a Discord member object names its user (search results and GET member always do). */
    static boolean hasUser(JsonNode m) {
        return m.path("user").path("id").isTextual();
    }

    private static String text(JsonNode obj, String field) {
        JsonNode v = obj.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
