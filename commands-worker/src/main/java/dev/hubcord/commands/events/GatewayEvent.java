package dev.hubcord.commands.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.hub.HubMember;
import dev.hubcord.commands.hub.HubUser;

/**
 * The gateway events a listener can ask for, read from Discord's dispatch payloads. Every record keeps the payload
 * as {@code raw} for fields it does not name.
 */
public sealed interface GatewayEvent {

    /** Discord's dispatch payload. */
    JsonNode raw();

    /** GUILD_MEMBER_ADD. */
    record MemberJoin(String guildId, HubMember member, JsonNode raw) implements GatewayEvent {}

    /** GUILD_MEMBER_REMOVE (left, kicked or banned). */
    record MemberLeave(String guildId, HubUser user, JsonNode raw) implements GatewayEvent {}

    /** GUILD_MEMBER_UPDATE: nick, roles, timeout... ({@code member} is the new state). */
    record MemberUpdate(String guildId, HubMember member, JsonNode raw) implements GatewayEvent {}

    /** MESSAGE_CREATE (needs the message content intent for {@code content} in guilds). */
    record MessageCreate(String messageId, String channelId, String guildId, String authorId, String content,
            JsonNode raw) implements GatewayEvent {}

    /** MESSAGE_UPDATE: {@code content} is null when the edit did not include it (an embed resolving, say). */
    record MessageUpdate(String messageId, String channelId, String guildId, String content, JsonNode raw)
            implements GatewayEvent {}

    /** MESSAGE_DELETE. */
    record MessageDelete(String messageId, String channelId, String guildId, JsonNode raw) implements GatewayEvent {}

    /** MESSAGE_REACTION_ADD; {@code emoji} is the unicode emoji or {@code name:id}. */
    record ReactionAdd(String userId, String messageId, String channelId, String guildId, String emoji,
            JsonNode raw) implements GatewayEvent {}

    /** MESSAGE_REACTION_REMOVE. */
    record ReactionRemove(String userId, String messageId, String channelId, String guildId, String emoji,
            JsonNode raw) implements GatewayEvent {}

    /** VOICE_STATE_UPDATE; {@code channelId} null means the user left voice. */
    record VoiceStateUpdate(String guildId, String userId, String channelId, String sessionId, JsonNode raw)
            implements GatewayEvent {}

    /** GUILD_CREATE: the bot joined a guild, or one became available. */
    record GuildCreate(String guildId, String name, JsonNode raw) implements GatewayEvent {}

    /** GUILD_DELETE: the bot left (or was removed), or the guild is unavailable ({@code unavailable}). */
    record GuildDelete(String guildId, boolean unavailable, JsonNode raw) implements GatewayEvent {}
}
