package dev.hubcord.discordsim.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import java.util.Map;

/**
 * Intent bits, which dispatches each one gates, and the MESSAGE_CONTENT rule. Events not listed here (READY,
 * RESUMED, INTERACTION_CREATE, VOICE_SERVER_UPDATE, GUILD_MEMBERS_CHUNK, RATE_LIMITED, USER_UPDATE, …) are always
 * sent.
 */
public final class Intents {

    public static final long GUILDS = 1;
    public static final long GUILD_MEMBERS = 1 << 1;
    public static final long GUILD_MODERATION = 1 << 2;
    public static final long GUILD_VOICE_STATES = 1 << 7;
    public static final long GUILD_PRESENCES = 1 << 8;
    public static final long GUILD_MESSAGES = 1 << 9;
    public static final long GUILD_MESSAGE_REACTIONS = 1 << 10;
    public static final long GUILD_MESSAGE_TYPING = 1 << 11;
    public static final long DIRECT_MESSAGES = 1 << 12;
    public static final long MESSAGE_CONTENT = 1 << 15;
    /** Bits 0–16, 20, 21, 24, 25: every documented intent. */
    public static final long VALID = 53_608_447L;

    /** Application flags that unlock privileged intents (the normal and the _LIMITED variant of each). */
    public static final long FLAG_PRESENCE = (1 << 12) | (1 << 13);
    public static final long FLAG_GUILD_MEMBERS = (1 << 14) | (1 << 15);
    public static final long FLAG_MESSAGE_CONTENT = (1 << 18) | (1 << 19);

    private static final Map<String, Long> GUILD_EVENTS = Map.ofEntries(
            Map.entry("GUILD_CREATE", GUILDS), Map.entry("GUILD_UPDATE", GUILDS), Map.entry("GUILD_DELETE", GUILDS),
            Map.entry("GUILD_ROLE_CREATE", GUILDS), Map.entry("GUILD_ROLE_UPDATE", GUILDS),
            Map.entry("GUILD_ROLE_DELETE", GUILDS), Map.entry("CHANNEL_CREATE", GUILDS),
            Map.entry("CHANNEL_UPDATE", GUILDS), Map.entry("CHANNEL_DELETE", GUILDS),
            Map.entry("CHANNEL_PINS_UPDATE", GUILDS), Map.entry("THREAD_CREATE", GUILDS),
            Map.entry("THREAD_UPDATE", GUILDS), Map.entry("THREAD_DELETE", GUILDS),
            Map.entry("GUILD_MEMBER_ADD", GUILD_MEMBERS), Map.entry("GUILD_MEMBER_UPDATE", GUILD_MEMBERS),
            Map.entry("GUILD_MEMBER_REMOVE", GUILD_MEMBERS), Map.entry("THREAD_MEMBERS_UPDATE", GUILD_MEMBERS),
            Map.entry("GUILD_BAN_ADD", GUILD_MODERATION), Map.entry("GUILD_BAN_REMOVE", GUILD_MODERATION),
            Map.entry("GUILD_AUDIT_LOG_ENTRY_CREATE", GUILD_MODERATION),
            Map.entry("VOICE_STATE_UPDATE", GUILD_VOICE_STATES), Map.entry("PRESENCE_UPDATE", GUILD_PRESENCES),
            Map.entry("MESSAGE_CREATE", GUILD_MESSAGES), Map.entry("MESSAGE_UPDATE", GUILD_MESSAGES),
            Map.entry("MESSAGE_DELETE", GUILD_MESSAGES), Map.entry("MESSAGE_DELETE_BULK", GUILD_MESSAGES),
            Map.entry("MESSAGE_REACTION_ADD", GUILD_MESSAGE_REACTIONS),
            Map.entry("MESSAGE_REACTION_REMOVE", GUILD_MESSAGE_REACTIONS),
            Map.entry("TYPING_START", GUILD_MESSAGE_TYPING));

    private Intents() {}

    /**
     * Whether a session with {@code intents} receives the dispatch. GUILD_MEMBER_UPDATE for the bot itself is always
     * sent; MESSAGE_* without {@code guild_id} are DMs and need DIRECT_MESSAGES.
     */
    public static boolean allows(long intents, String type, JsonNode d, long botUserId) {
        if ("GUILD_MEMBER_UPDATE".equals(type) && Json.snowflake(d.path("user").path("id")) == botUserId) {
            return true;
        }
        Long required = GUILD_EVENTS.get(type);
        if (required == null) {
            return true;
        }
        if (type.startsWith("MESSAGE_") && !d.has("guild_id")) {
            required = type.startsWith("MESSAGE_REACTION") ? 1L << 13 : DIRECT_MESSAGES;
        }
        return (intents & required) != 0;
    }

    /**
     * Applies the MESSAGE_CONTENT rule: without the intent, guild messages arrive with empty content, embeds,
     * attachments and components and without a poll, unless the bot wrote them or is mentioned.
     */
    public static JsonNode messageContentView(long intents, String type, JsonNode d, long botUserId) {
        if ((intents & MESSAGE_CONTENT) != 0 || !(type.equals("MESSAGE_CREATE") || type.equals("MESSAGE_UPDATE"))
                || !d.isObject() || !d.has("guild_id")) {
            return d;
        }
        if (Json.snowflake(d.path("author").path("id")) == botUserId) {
            return d;
        }
        for (JsonNode m : d.path("mentions")) {
            if (Json.snowflake(m.path("id")) == botUserId) {
                return d;
            }
        }
        ObjectNode copy = ((ObjectNode) d).deepCopy();
        if (copy.has("content")) {
            copy.put("content", "");
        }
        for (String field : new String[] {"embeds", "attachments", "components"}) {
            if (copy.has(field)) {
                copy.putArray(field);
            }
        }
        copy.remove("poll");
        return copy;
    }
}
