package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.payload.UserPayloads;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimUser;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Bans, unbans, kicks and member timeouts, with the bot's guild permissions and role hierarchy enforced (403/50013)
 * and the gateway side effects Discord produces (GUILD_BAN_ADD/REMOVE, GUILD_MEMBER_REMOVE/UPDATE).
 */
final class ModerationRoutes {

    private static final long MAX_DELETE_SECONDS = 604_800;
    private static final long MAX_TIMEOUT_MILLIS = Duration.ofDays(28).toMillis();

    private final RestContext ctx;

    ModerationRoutes(RestContext ctx) {
        this.ctx = ctx;
    }

    /** The guild, the bot's member and the failure response if the bot lacks {@code permission}. */
    private record Actor(SimGuild guild, SimGuild.Snapshot snapshot, SimMember bot, RestExchange.Response error) {}

    private Actor actor(Map<String, String> params, long permission) {
        SimGuild guild = ctx.population().guild(Rest.snowflake(params.get("guild_id"))).orElse(null);
        if (guild == null) {
            return new Actor(null, null, null, RestExchange.Response.error(404, 10004, "Unknown Guild"));
        }
        SimGuild.Snapshot snap = guild.snapshot();
        SimMember bot = snap.member(ctx.population().bot().id()).orElse(null);
        if (bot == null || (Permissions.base(snap, bot) & permission) != permission) {
            return new Actor(guild, snap, bot, RestExchange.Response.error(403, 50013, "Missing Permissions"));
        }
        return new Actor(guild, snap, bot, null);
    }

    RestExchange.Response ban(RestExchange.Request request, Map<String, String> params) {
        Actor a = actor(params, Permissions.BAN_MEMBERS);
        if (a.error() != null) {
            return a.error();
        }
        SimUser user = ctx.population().user(Rest.snowflake(params.get("user_id"))).orElse(null);
        if (user == null) {
            return RestExchange.Response.error(404, 10013, "Unknown User");
        }
        JsonNode body = RestContext.body(request);
        if (body == null) {
            return RestExchange.Response.error(400, 50109, "The request body contains invalid JSON.");
        }
        long seconds = body.path("delete_message_seconds").asLong(0);
        if (seconds < 0 || seconds > MAX_DELETE_SECONDS) {
            return RestExchange.Response.invalidForm("delete_message_seconds", "NUMBER_TYPE_MAX",
                    "int value should be less than or equal to 604800.");
        }
        SimMember target = a.snapshot().member(user.id()).orElse(null);
        if (target != null && !Permissions.outranks(a.snapshot(), a.bot(), target)) {
            return RestExchange.Response.error(403, 50013, "Missing Permissions");
        }
        if (a.guild().ban(user.id())) {
            ObjectNode d = Json.obj();
            d.put("guild_id", Json.id(a.guild().id()));
            d.set("user", UserPayloads.user(user));
            ctx.gateway().dispatchToGuild(a.guild().id(), "GUILD_BAN_ADD", d);
            if (target != null) {
                ctx.gateway().dispatchToGuild(a.guild().id(), "GUILD_MEMBER_REMOVE", d.deepCopy());
            }
        }
        return RestExchange.Response.noContent();
    }

    RestExchange.Response unban(RestExchange.Request request, Map<String, String> params) {
        Actor a = actor(params, Permissions.BAN_MEMBERS);
        if (a.error() != null) {
            return a.error();
        }
        long userId = Rest.snowflake(params.get("user_id"));
        if (!a.guild().unban(userId)) {
            return RestExchange.Response.error(404, 10026, "Unknown Ban");
        }
        ObjectNode d = Json.obj();
        d.put("guild_id", Json.id(a.guild().id()));
        ctx.population().user(userId).ifPresent(u -> d.set("user", UserPayloads.user(u)));
        ctx.gateway().dispatchToGuild(a.guild().id(), "GUILD_BAN_REMOVE", d);
        return RestExchange.Response.noContent();
    }

    RestExchange.Response kick(RestExchange.Request request, Map<String, String> params) {
        Actor a = actor(params, Permissions.KICK_MEMBERS);
        if (a.error() != null) {
            return a.error();
        }
        long userId = Rest.snowflake(params.get("user_id"));
        SimMember target = a.snapshot().member(userId).orElse(null);
        if (target == null) {
            return RestExchange.Response.error(404, 10007, "Unknown Member");
        }
        if (!Permissions.outranks(a.snapshot(), a.bot(), target)) {
            return RestExchange.Response.error(403, 50013, "Missing Permissions");
        }
        a.guild().removeMember(userId);
        ObjectNode d = Json.obj();
        d.put("guild_id", Json.id(a.guild().id()));
        d.set("user", UserPayloads.user(ctx.population().requireUser(userId)));
        ctx.gateway().dispatchToGuild(a.guild().id(), "GUILD_MEMBER_REMOVE", d);
        return RestExchange.Response.noContent();
    }

    /** Member modify; only {@code communication_disabled_until} (timeouts) and {@code nick} are simulated. */
    RestExchange.Response modify(RestExchange.Request request, Map<String, String> params) {
        JsonNode body = RestContext.body(request);
        if (body == null) {
            return RestExchange.Response.error(400, 50109, "The request body contains invalid JSON.");
        }
        boolean timeout = body.has("communication_disabled_until");
        long needed = (timeout ? Permissions.MODERATE_MEMBERS : 0)
                | (body.has("nick") ? Permissions.MANAGE_NICKNAMES : 0);
        Actor a = actor(params, needed);
        if (a.error() != null && a.guild() == null) {
            return a.error();
        }
        long userId = Rest.snowflake(params.get("user_id"));
        SimMember target = a.snapshot().member(userId).orElse(null);
        if (target == null) {
            return RestExchange.Response.error(404, 10007, "Unknown Member");
        }
        if (a.error() != null || !Permissions.outranks(a.snapshot(), a.bot(), target)
                || (timeout && (Permissions.base(a.snapshot(), target) & Permissions.ADMINISTRATOR) != 0)) {
            return RestExchange.Response.error(403, 50013, "Missing Permissions");
        }
        SimMember updated = target;
        if (timeout) {
            JsonNode until = body.get("communication_disabled_until");
            long untilMillis = 0;
            if (!until.isNull()) {
                try {
                    untilMillis = OffsetDateTime.parse(until.asText()).toInstant().toEpochMilli();
                } catch (DateTimeParseException e) {
                    return RestExchange.Response.invalidForm("communication_disabled_until", "DATE_TIME_TYPE_PARSE",
                            "Could not parse " + until.asText() + ". Should be ISO8601.");
                }
                if (untilMillis - System.currentTimeMillis() > MAX_TIMEOUT_MILLIS) {
                    return RestExchange.Response.invalidForm("communication_disabled_until",
                            "COMMUNICATION_DISABLED_UNTIL_TOO_LONG", "Timeout cannot be longer than 28 days.");
                }
            }
            updated = updated.withTimeoutUntil(untilMillis);
        }
        if (body.has("nick")) {
            updated = updated.withNick(body.get("nick").isNull() ? null : body.get("nick").asText());
        }
        a.guild().putMember(updated);
        ObjectNode member = GuildPayloads.member(updated, ctx.population());
        ObjectNode event = member.deepCopy();
        event.put("guild_id", Json.id(a.guild().id()));
        ctx.gateway().dispatchToGuild(a.guild().id(), "GUILD_MEMBER_UPDATE", event);
        return RestExchange.Response.json(200, member);
    }
}
