package dev.hubcord.commands.events;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.hub.HubMember;
import dev.hubcord.commands.hub.HubUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Discord dispatch names of the {@link GatewayEvent} records, and the reading of their payloads. */
public final class GatewayEvents {

    private static final Map<Class<? extends GatewayEvent>, String> NAMES = Map.ofEntries(
            Map.entry(GatewayEvent.MemberJoin.class, "GUILD_MEMBER_ADD"),
            Map.entry(GatewayEvent.MemberLeave.class, "GUILD_MEMBER_REMOVE"),
            Map.entry(GatewayEvent.MemberUpdate.class, "GUILD_MEMBER_UPDATE"),
            Map.entry(GatewayEvent.MessageCreate.class, "MESSAGE_CREATE"),
            Map.entry(GatewayEvent.MessageUpdate.class, "MESSAGE_UPDATE"),
            Map.entry(GatewayEvent.MessageDelete.class, "MESSAGE_DELETE"),
            Map.entry(GatewayEvent.ReactionAdd.class, "MESSAGE_REACTION_ADD"),
            Map.entry(GatewayEvent.ReactionRemove.class, "MESSAGE_REACTION_REMOVE"),
            Map.entry(GatewayEvent.VoiceStateUpdate.class, "VOICE_STATE_UPDATE"),
            Map.entry(GatewayEvent.GuildCreate.class, "GUILD_CREATE"),
            Map.entry(GatewayEvent.GuildDelete.class, "GUILD_DELETE"));

    private GatewayEvents() {
    }

    /** The Discord dispatch name of an event type. */
    public static String dispatchName(Class<? extends GatewayEvent> type) {
        String name = NAMES.get(type);
        if (name == null) {
            throw new IllegalArgumentException("not a gateway event type: " + type);
        }
        return name;
    }

    /** Reads a dispatch; null for a name this API does not type. */
    public static GatewayEvent read(String t, JsonNode d) {
        String guild = d.path("guild_id").asText(null);
        return switch (t) {
            case "GUILD_MEMBER_ADD" -> new GatewayEvent.MemberJoin(guild, member(d, guild), d);
            case "GUILD_MEMBER_REMOVE" -> new GatewayEvent.MemberLeave(guild, user(d.path("user")), d);
            case "GUILD_MEMBER_UPDATE" -> new GatewayEvent.MemberUpdate(guild, member(d, guild), d);
            case "MESSAGE_CREATE" -> new GatewayEvent.MessageCreate(d.path("id").asText(), text(d, "channel_id"), guild,
                    d.path("author").path("id").asText(null), text(d, "content"), d);
            case "MESSAGE_UPDATE" -> new GatewayEvent.MessageUpdate(d.path("id").asText(), text(d, "channel_id"), guild,
                    text(d, "content"), d);
            case "MESSAGE_DELETE" -> new GatewayEvent.MessageDelete(d.path("id").asText(), text(d, "channel_id"), guild,
                    d);
            case "MESSAGE_REACTION_ADD" -> new GatewayEvent.ReactionAdd(text(d, "user_id"), text(d, "message_id"),
                    text(d, "channel_id"), guild, emoji(d.path("emoji")), d);
            case "MESSAGE_REACTION_REMOVE" -> new GatewayEvent.ReactionRemove(text(d, "user_id"),
                    text(d, "message_id"), text(d, "channel_id"), guild, emoji(d.path("emoji")), d);
            case "VOICE_STATE_UPDATE" -> new GatewayEvent.VoiceStateUpdate(guild, text(d, "user_id"),
                    text(d, "channel_id"), text(d, "session_id"), d);
            case "GUILD_CREATE" -> new GatewayEvent.GuildCreate(d.path("id").asText(), text(d, "name"), d);
            case "GUILD_DELETE" -> new GatewayEvent.GuildDelete(d.path("id").asText(),
                    d.path("unavailable").asBoolean(false), d);
            default -> null;
        };
    }

    private static HubMember member(JsonNode d, String guild) {
        List<String> roles = new ArrayList<>();
        d.path("roles").forEach(r -> roles.add(r.asText()));
        HubUser user = user(d.path("user"));
        return new HubMember(user.id(), guild, text(d, "nick"), roles, text(d, "joined_at"),
                text(d, "communication_disabled_until"), user);
    }

    private static HubUser user(JsonNode u) {
        return new HubUser(u.path("id").asText(), u.path("username").asText(), u.path("discriminator").asText("0"),
                text(u, "global_name"), text(u, "avatar"), u.path("bot").asBoolean(false));
    }

    private static String emoji(JsonNode e) {
        String name = e.path("name").asText(null);
        String id = e.path("id").asText(null);
        return id == null ? name : name + ":" + id;
    }

    private static String text(JsonNode d, String field) {
        JsonNode n = d.path(field);
        return n.isTextual() || n.isNumber() ? n.asText() : null;
    }
}
