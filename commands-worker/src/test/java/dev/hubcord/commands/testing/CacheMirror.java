package dev.hubcord.commands.testing;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimRole;
import dev.hubcord.discordsim.population.SimUser;
import dev.hubcord.discordsim.population.SimVoiceState;
import dev.hubcord.protocol.codec.Json;
import java.time.Instant;
import java.util.Map;

/**
 * Builds op 5 cache entities from the simulated Discord's population, as a sharder would from GUILD_CREATE: the
 * hub's cache then agrees with what the simulated REST API enforces.
 */
public final class CacheMirror {

    private CacheMirror() {
    }

    /** A guild entity with its roles, channels, members and voice states; {@code discriminators} by user ID. */
    public static ObjectNode guild(SimGuild guild, Population population, Map<Long, String> discriminators) {
        SimGuild.Snapshot s = guild.snapshot();
        ObjectNode g = Json.mapper().createObjectNode();
        g.put("type", "guild");
        g.put("id", id(s.id()));
        g.put("name", s.name());
        g.putNull("icon");
        g.put("ownerID", id(s.ownerId()));
        g.put("region", "deprecated");
        g.put("memberCount", s.members().size());
        ArrayNode roles = g.putArray("roles");
        for (SimRole r : s.roles()) {
            roles.add(role(s.id(), r));
        }
        ArrayNode channels = g.putArray("channels");
        for (SimChannel c : s.channels()) {
            ObjectNode ch = channels.addObject();
            ch.put("id", id(c.id()));
            ch.put("guildID", id(s.id()));
            ch.put("type", c.type());
            ch.put("position", c.position());
            ch.put("name", c.name());
            ch.put("nsfw", false);
            ch.put("userLimit", c.userLimit());
            if (c.parentId() != 0) {
                ch.put("parentID", id(c.parentId()));
            }
            ArrayNode ow = ch.putArray("overwrites");
            for (SimChannel.Overwrite o : c.overwrites()) {
                ObjectNode on = ow.addObject();
                on.put("id", id(o.id()));
                on.put("type", o.type() == 0 ? "role" : "member");
                on.put("allow", Long.toString(o.allow()));
                on.put("deny", Long.toString(o.deny()));
            }
        }
        ArrayNode members = g.putArray("members");
        for (SimMember m : s.members()) {
            members.add(member(s.id(), m, population.requireUser(m.userId()), discriminators));
        }
        ArrayNode voice = g.putArray("voiceStates");
        for (SimVoiceState v : s.voiceStates()) {
            ObjectNode vs = voice.addObject();
            vs.put("guildID", id(s.id()));
            vs.put("channelID", id(v.channelId()));
            vs.put("userID", id(v.userId()));
            vs.put("sessionID", "s" + v.userId());
        }
        return g;
    }

    public static ObjectNode role(long guildId, SimRole r) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "role");
        n.put("id", id(r.id()));
        n.put("guildID", id(guildId));
        n.put("name", r.name());
        n.put("color", r.color());
        n.put("position", r.position());
        n.put("permissions", Long.toString(r.permissions()));
        n.put("managed", r.managed());
        return n;
    }

    public static ObjectNode member(long guildId, SimMember m, SimUser u, Map<Long, String> discriminators) {
        ObjectNode n = Json.mapper().createObjectNode();
        n.put("type", "member");
        n.put("id", id(m.userId()));
        n.put("guildID", id(guildId));
        n.put("nickname", m.nick());
        ArrayNode roles = n.putArray("roles");
        m.roles().forEach(r -> roles.add(id(r)));
        n.put("joinedAt", Instant.ofEpochMilli(m.joinedAtMillis()).toString());
        ObjectNode user = n.putObject("user");
        user.put("id", id(u.id()));
        user.put("username", u.username());
        user.put("discriminator", discriminators.getOrDefault(u.id(), "0"));
        user.put("globalName", u.globalName());
        user.put("avatar", u.avatar());
        user.put("bot", u.bot());
        return n;
    }

    public static String id(long id) {
        return Long.toUnsignedString(id);
    }
}
