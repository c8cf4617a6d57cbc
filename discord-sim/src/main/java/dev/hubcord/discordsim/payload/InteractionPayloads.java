package dev.hubcord.discordsim.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimMember;
import java.util.List;

/**
 * INTERACTION_CREATE {@code d} of every type a user can cause in a guild channel (2 command, 3 component,
 * 4 autocomplete, 5 modal submit), keys in the order of the real capture; {@code message} (the message a component
 * is on) only for components and for modals opened from one.
 */
public final class InteractionPayloads {

    private InteractionPayloads() {}

    /** Who acts where, with the permissions Discord reports: the member's in the channel and the bot's. */
    public record Where(long guildId, ObjectNode channel, SimMember member, long memberPermissions,
            long appPermissions) {}

    public static ObjectNode create(int type, long id, long applicationId, String token, Where where,
            Population population, ObjectNode data, JsonNode message) {
        ObjectNode i = Json.obj();
        i.put("version", 1);
        i.put("type", type);
        i.put("token", token);
        ObjectNode m = GuildPayloads.member(where.member(), population);
        m.put("permissions", Long.toString(where.memberPermissions()));
        i.set("member", m);
        i.put("locale", "en-US");
        i.put("id", Json.id(id));
        i.put("guild_locale", "en-US");
        i.put("guild_id", Json.id(where.guildId()));
        ObjectNode guild = i.putObject("guild");
        guild.put("locale", "en-US");
        guild.put("id", Json.id(where.guildId()));
        guild.putArray("features");
        i.putArray("entitlements");
        i.putArray("entitlement_sku_ids");
        if (message != null) {
            i.set("message", message);
        }
        i.set("data", data);
        i.put("context", 0);
        i.putObject("authorizing_integration_owners").put("0", Json.id(where.guildId()));
        i.put("channel_id", where.channel().path("id").asText());
        i.set("channel", partialChannel(where.channel(), where.guildId(), where.memberPermissions()));
        i.put("attachment_size_limit", 10_485_760);
        i.put("application_id", Json.id(applicationId));
        i.put("app_permissions", Long.toString(where.appPermissions()));
        return i;
    }

    /**
     * A channel as interactions carry it (the interaction's {@code channel} and {@code resolved.channels}): no
     * overwrites, the member's {@code permissions} instead.
     */
    public static ObjectNode partialChannel(ObjectNode channel, long guildId, long permissions) {
        ObjectNode ch = channel.deepCopy();
        ch.remove(List.of("permission_overwrites", "version"));
        ch.put("guild_id", Json.id(guildId));
        ch.put("permissions", Long.toString(permissions));
        return ch;
    }
}
