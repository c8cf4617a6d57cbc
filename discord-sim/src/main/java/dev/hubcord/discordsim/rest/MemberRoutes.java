package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.payload.UserPayloads;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimUser;
import java.util.Locale;
import java.util.Map;

/**
 * The read routes a bot uses when its cache misses someone: get one member, get one user, search a guild's members by
 * name. Discord answers 404/10004 for a guild it does not know, 403/50001 (Missing Access) for a guild the bot is not
 * in, 404/10007 Unknown Member and 404/10013 Unknown User.
 */
final class MemberRoutes {

    private static final int MAX_SEARCH_LIMIT = 1000;
    private static final int MAX_QUERY_LENGTH = 100;

    private final RestContext ctx;

    MemberRoutes(RestContext ctx) {
        this.ctx = ctx;
    }

    /** The guild, or the error response when it is unknown or the bot is not in it. */
    private record Access(SimGuild guild, RestExchange.Response error) {}

    private Access access(Map<String, String> params) {
        SimGuild guild = ctx.population().guild(Rest.snowflake(params.get("guild_id"))).orElse(null);
        if (guild == null) {
            return new Access(null, RestExchange.Response.error(404, 10004, "Unknown Guild"));
        }
        if (guild.member(ctx.population().bot().id()).isEmpty()) {
            return new Access(guild, RestExchange.Response.error(403, 50001, "Missing Access"));
        }
        return new Access(guild, null);
    }

    /** {@code GET /guilds/{g}/members/{u}}: the member with its {@code user}. */
    RestExchange.Response get(RestExchange.Request request, Map<String, String> params) {
        Access a = access(params);
        if (a.error() != null) {
            return a.error();
        }
        SimMember member = a.guild().member(Rest.snowflake(params.get("user_id"))).orElse(null);
        if (member == null) {
            return RestExchange.Response.error(404, 10007, "Unknown Member");
        }
        return RestExchange.Response.json(200, GuildPayloads.member(member, ctx.population()));
    }

    /**
     * {@code GET /guilds/{g}/members/search?query=&limit=}: members whose username or nickname starts with the query
     * (case-insensitive), at most {@code limit} (1-1000, default 1).
     */
    RestExchange.Response search(RestExchange.Request request, Map<String, String> params) {
        String query = request.queryParam("query");
        if (query == null || query.isEmpty() || query.length() > MAX_QUERY_LENGTH) {
            return RestExchange.Response.invalidForm("query", "BASE_TYPE_REQUIRED", "This field is required");
        }
        int limit;
        try {
            String raw = request.queryParam("limit");
            limit = raw == null ? 1 : Integer.parseInt(raw);
        } catch (NumberFormatException e) {
            return RestExchange.Response.invalidForm("limit", "NUMBER_TYPE_COERCE", "Value is not int.");
        }
        if (limit < 1 || limit > MAX_SEARCH_LIMIT) {
            return RestExchange.Response.invalidForm("limit", "NUMBER_TYPE_MAX",
                    "int value should be between 1 and 1000.");
        }
        Access a = access(params);
        if (a.error() != null) {
            return a.error();
        }
        String prefix = query.toLowerCase(Locale.ROOT);
        ArrayNode out = Json.arr();
        for (SimMember m : a.guild().members()) {
            if (out.size() >= limit) {
                break;
            }
            String username = ctx.population().user(m.userId()).map(SimUser::username).orElse("");
            if (startsWith(username, prefix) || startsWith(m.nick(), prefix)) {
                out.add(GuildPayloads.member(m, ctx.population()));
            }
        }
        return RestExchange.Response.json(200, out);
    }

    /** {@code GET /users/{u}}: any user Discord knows, member of a shared guild or not. */
    RestExchange.Response user(RestExchange.Request request, Map<String, String> params) {
        return ctx.population().user(Rest.snowflake(params.get("user_id")))
                .map(u -> RestExchange.Response.json(200, UserPayloads.user(u)))
                .orElseGet(() -> RestExchange.Response.error(404, 10013, "Unknown User"));
    }

    private static boolean startsWith(String name, String lowerPrefix) {
        return name != null && name.toLowerCase(Locale.ROOT).startsWith(lowerPrefix);
    }
}
