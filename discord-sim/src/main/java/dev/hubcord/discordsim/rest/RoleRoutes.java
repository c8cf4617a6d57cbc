package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimRole;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code PUT|DELETE /guilds/{g}/members/{u}/roles/{r}}: 204 and GUILD_MEMBER_UPDATE when the member's roles change
 * (nothing when they already had, or lacked, the role). Needs MANAGE_ROLES and a highest role strictly above the
 * role (403/50013); managed roles (bot and booster roles) and {@code @everyone} cannot be granted or removed
 * (403/50013 in the sim).
 */
final class RoleRoutes {

    private final RestContext ctx;

    RoleRoutes(RestContext ctx) {
        this.ctx = ctx;
    }

    RestExchange.Response add(RestExchange.Request request, Map<String, String> params) {
        return change(params, true);
    }

    RestExchange.Response remove(RestExchange.Request request, Map<String, String> params) {
        return change(params, false);
    }

    private RestExchange.Response change(Map<String, String> params, boolean add) {
        SimGuild guild = ctx.population().guild(Rest.snowflake(params.get("guild_id"))).orElse(null);
        if (guild == null) {
            return RestExchange.Response.error(404, 10004, "Unknown Guild");
        }
        SimGuild.Snapshot snap = guild.snapshot();
        SimMember target = snap.member(Rest.snowflake(params.get("user_id"))).orElse(null);
        if (target == null) {
            return RestExchange.Response.error(404, 10007, "Unknown Member");
        }
        SimRole role = snap.role(Rest.snowflake(params.get("role_id"))).orElse(null);
        if (role == null) {
            return RestExchange.Response.error(404, 10011, "Unknown Role");
        }
        SimMember bot = snap.member(ctx.population().bot().id()).orElse(null);
        if (bot == null || (Permissions.base(snap, bot) & Permissions.MANAGE_ROLES) == 0
                || !Permissions.outranksRole(snap, bot, role) || role.managed() || role.id() == guild.id()) {
            return RestExchange.Response.error(403, 50013, "Missing Permissions");
        }
        List<Long> roles = new ArrayList<>(target.roles());
        boolean changed = add ? !roles.contains(role.id()) && roles.add(role.id()) : roles.remove(Long.valueOf(role.id()));
        if (changed) {
            SimMember updated = target.withRoles(roles);
            guild.putMember(updated);
            ObjectNode event = GuildPayloads.member(updated, ctx.population());
            event.put("guild_id", Json.id(guild.id()));
            ctx.gateway().dispatchToGuild(guild.id(), "GUILD_MEMBER_UPDATE", event);
        }
        return RestExchange.Response.noContent();
    }
}
