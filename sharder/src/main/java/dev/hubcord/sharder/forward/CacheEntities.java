package dev.hubcord.sharder.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;

/**
 * Discord objects (snake_case) into the hub's op 5 entity shapes (camelCase, contract section 7 and
 * the seed's cache tables). Only the fields the cache keeps are carried; everything else Discord
 * sends is left out, which also keeps the hub's payloads small.
 */
final class CacheEntities {

    private CacheEntities() {}

    static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    /** A role: {@code {type:"role", id, guildID, name, color, position, permissions, hoist, mentionable, managed}}. */
    static ObjectNode role(JsonNode r, long guildId) {
        ObjectNode n = object();
        n.put("type", "role");
        n.put("id", Snowflake.text(Snowflake.of(r.get("id"))));
        n.put("guildID", Snowflake.text(guildId));
        n.put("name", UserRecord.text(r, "name"));
        n.put("color", r.path("color").asInt(0));
        n.put("position", r.path("position").asInt(0));
        permissions(n, "permissions", r.get("permissions"));
        n.put("hoist", r.path("hoist").asBoolean(false));
        n.put("mentionable", r.path("mentionable").asBoolean(false));
        n.put("managed", r.path("managed").asBoolean(false));
        return n;
    }

    /**
     * A channel as it appears inside a guild's {@code channels} array: {@code type} is Discord's
     * channel type. {@link #standaloneChannel} turns it into an op 5 entity of its own.
     */
    static ObjectNode channel(JsonNode c, long guildId) {
        ObjectNode n = object();
        n.put("id", Snowflake.text(Snowflake.of(c.get("id"))));
        n.put("guildID", Snowflake.text(guildId));
        n.put("type", c.path("type").asInt(0));
        n.put("position", c.path("position").asInt(0));
        n.put("name", UserRecord.text(c, "name"));
        n.put("nsfw", c.path("nsfw").asBoolean(false));
        ArrayNode overwrites = n.putArray("overwrites");
        for (JsonNode o : c.path("permission_overwrites")) {
            ObjectNode ow = overwrites.addObject();
            ow.put("id", Snowflake.text(Snowflake.of(o.get("id"))));
            JsonNode type = o.get("type");
            boolean member = type != null && (type.asInt(-1) == 1 || "member".equals(type.asText()));
            ow.put("type", member ? "member" : "role");
            permissions(ow, "allow", o.get("allow"));
            permissions(ow, "deny", o.get("deny"));
        }
        if (c.has("user_limit")) {
            n.put("userLimit", c.path("user_limit").asInt(0));
        }
        long parent = Snowflake.of(c.get("parent_id"));
        if (parent != 0) {
            n.put("parentID", Snowflake.text(parent));
        } else {
            n.putNull("parentID");
        }
        return n;
    }

    /** The op 5 form of a channel: {@code type:"channel"}, Discord's type as {@code channelType}. */
    static ObjectNode standaloneChannel(ObjectNode inGuild) {
        ObjectNode n = inGuild.deepCopy();
        n.put("channelType", inGuild.path("type").asInt(0));
        n.put("type", "channel");
        return n;
    }

    /**
     * A voice state: {@code {type:"voiceState", guildID, channelID, userID, deaf, mute, selfDeaf,
     * selfMute, selfVideo, suppress, sessionID}}; a null {@code channelID} means the user left.
     */
    static ObjectNode voiceState(JsonNode v, long guildId) {
        ObjectNode n = object();
        n.put("type", "voiceState");
        n.put("guildID", Snowflake.text(guildId));
        long channel = Snowflake.of(v.get("channel_id"));
        if (channel != 0) {
            n.put("channelID", Snowflake.text(channel));
        } else {
            n.putNull("channelID");
        }
        n.put("userID", Snowflake.text(Snowflake.of(v.get("user_id"))));
        n.put("deaf", v.path("deaf").asBoolean(false));
        n.put("mute", v.path("mute").asBoolean(false));
        n.put("selfDeaf", v.path("self_deaf").asBoolean(false));
        n.put("selfMute", v.path("self_mute").asBoolean(false));
        n.put("selfVideo", v.path("self_video").asBoolean(false));
        n.put("suppress", v.path("suppress").asBoolean(false));
        n.put("sessionID", UserRecord.text(v, "session_id"));
        return n;
    }

    /**
     * The guild's own fields: {@code {type:"guild", id, name, icon, ownerID, region?, memberCount?}}.
     * GUILD_UPDATE carries no {@code member_count}, so it is left out and the cached one stays.
     */
    static ObjectNode guildBase(JsonNode g, long guildId) {
        ObjectNode n = object();
        n.put("type", "guild");
        n.put("id", Snowflake.text(guildId));
        n.put("name", UserRecord.text(g, "name"));
        n.put("icon", UserRecord.text(g, "icon"));
        long owner = Snowflake.of(g.get("owner_id"));
        if (owner != 0) {
            n.put("ownerID", Snowflake.text(owner));
        }
        if (g.hasNonNull("region")) {
            n.put("region", g.get("region").asText());
        }
        if (g.has("member_count") && g.get("member_count").canConvertToInt() && g.get("member_count").asInt() >= 0) {
            n.put("memberCount", g.get("member_count").asInt());
        }
        n.put("unavailable", false);
        return n;
    }

    /** A removal: {@code {type, delete:true, id, guildID}}. */
    static ObjectNode delete(String type, long id, long guildId) {
        ObjectNode n = object();
        n.put("type", type);
        n.put("delete", true);
        n.put("id", Snowflake.text(id));
        if (guildId != 0) {
            n.put("guildID", Snowflake.text(guildId));
        }
        return n;
    }

    /**
     * Permission sets travel as integers (the seed's shape) while they fit a signed long, which every
     * bit Discord defines today does; a wider value goes on as its decimal string. Anything that is not
     * an unsigned 64-bit decimal becomes 0: the hub's cache refuses the whole payload otherwise, which
     * would cost the guild's entity and the hub link for one garbled field (found by fuzzing).
     */
    private static void permissions(ObjectNode n, String field, JsonNode value) {
        String s = value == null ? null : value.isTextual() ? value.textValue()
                : value.isIntegralNumber() ? value.asText() : null;
        if (s != null && !s.isEmpty() && s.length() <= 20 && s.chars().allMatch(c -> c >= '0' && c <= '9')) {
            try {
                long bits = Long.parseUnsignedLong(s);
                if (bits >= 0) {
                    n.put(field, bits);
                } else {
                    n.put(field, s);
                }
                return;
            } catch (NumberFormatException e) {
                // past 64 bits: unreadable
            }
        }
        n.put(field, 0L);
    }
}
