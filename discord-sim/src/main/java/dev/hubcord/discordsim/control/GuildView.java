package dev.hubcord.discordsim.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimRole;
import dev.hubcord.discordsim.population.SimVoiceState;

/**
 * One guild as its members see it in their Discord client ({@code GET /_sim/guilds/{id}}): channels, roles, members
 * with their user names, voice states, bans. Tests and demos use it to pick who says what where, without asking the
 * bot's own cache (which is what they test).
 */
final class GuildView {

    private GuildView() {}

    static ObjectNode of(Population population, SimGuild guild, int memberLimit) {
        SimGuild.Snapshot s = guild.snapshot();
        ObjectNode o = Json.obj();
        o.put("id", Json.id(s.id()));
        o.put("name", s.name());
        o.put("owner_id", Json.id(s.ownerId()));
        o.put("member_count", s.members().size());
        ArrayNode channels = o.putArray("channels");
        for (SimChannel c : s.channels()) {
            ObjectNode ch = channels.addObject();
            ch.put("id", Json.id(c.id()));
            ch.put("type", c.type());
            ch.put("name", c.name());
            ch.put("user_limit", c.userLimit());
        }
        ArrayNode roles = o.putArray("roles");
        for (SimRole r : s.roles()) {
            ObjectNode ro = roles.addObject();
            ro.put("id", Json.id(r.id()));
            ro.put("name", r.name());
            ro.put("position", r.position());
            ro.put("permissions", Long.toString(r.permissions()));
            ro.put("managed", r.managed());
        }
        ArrayNode members = o.putArray("members");
        int n = 0;
        for (SimMember m : s.members()) {
            if (n++ >= memberLimit) {
                break;
            }
            ObjectNode mo = members.addObject();
            mo.put("user_id", Json.id(m.userId()));
            population.user(m.userId()).ifPresent(u -> {
                mo.put("username", u.username());
                mo.put("bot", u.bot());
            });
            if (m.nick() != null) {
                mo.put("nick", m.nick());
            }
            ArrayNode memberRoles = mo.putArray("roles");
            m.roles().forEach(id -> memberRoles.add(Json.id(id)));
            mo.put("communication_disabled_until", m.communicationDisabledUntil());
        }
        ArrayNode voice = o.putArray("voice_states");
        for (SimVoiceState v : s.voiceStates()) {
            ObjectNode vo = voice.addObject();
            vo.put("user_id", Json.id(v.userId()));
            vo.put("channel_id", Json.id(v.channelId()));
        }
        ArrayNode bans = o.putArray("bans");
        guild.bannedUsers().forEach(id -> bans.add(Json.id(id)));
        return o;
    }
}
