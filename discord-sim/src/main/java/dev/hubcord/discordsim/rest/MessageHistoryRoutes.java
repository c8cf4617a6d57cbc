package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.Permissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code GET /channels/{id}/messages}: {@code limit} 1-100 (default 50), and one of {@code around}, {@code before},
 * {@code after}; newest first, as Discord answers. Without READ_MESSAGE_HISTORY the answer is an empty list, as
 * Discord's is. When several of the three are given the sim uses the first of around, before, after.
 */
final class MessageHistoryRoutes {

    private final RestContext ctx;
    private final Reactions reactions;

    MessageHistoryRoutes(RestContext ctx, Reactions reactions) {
        this.ctx = ctx;
        this.reactions = reactions;
    }

    RestExchange.Response list(RestExchange.Request request, Map<String, String> params) {
        ChannelAccess a = ChannelAccess.of(ctx, params.get("channel_id"), 0);
        if (a.error() != null) {
            return a.error();
        }
        int limit;
        try {
            limit = request.queryParam("limit") == null ? 50 : Integer.parseInt(request.queryParam("limit"));
        } catch (NumberFormatException e) {
            return RestExchange.Response.invalidForm("limit", "NUMBER_TYPE_COERCE", "Value \""
                    + request.queryParam("limit") + "\" is not int.");
        }
        if (limit < 1 || limit > 100) {
            return RestExchange.Response.invalidForm("limit", limit < 1 ? "NUMBER_TYPE_MIN" : "NUMBER_TYPE_MAX",
                    limit < 1 ? "int value should be greater than or equal to 1."
                            : "int value should be less than or equal to 100.");
        }
        for (String anchor : new String[] {"around", "before", "after"}) {
            String v = request.queryParam(anchor);
            if (v != null && Rest.snowflake(v) < 0) {
                return RestExchange.Response.invalidForm(anchor, "NUMBER_TYPE_COERCE", "Value \"" + v
                        + "\" is not snowflake.");
            }
        }
        ArrayNode out = Json.arr();
        if (!a.has(Permissions.READ_MESSAGE_HISTORY)) {
            return RestExchange.Response.json(200, out);
        }
        long botId = ctx.population().bot().id();
        select(ctx.messages().inChannel(a.channel().id()), request, limit)
                .forEach(m -> out.add(reactions.decorate(m, botId)));
        return RestExchange.Response.json(200, out);
    }

    /** {@code newestFirst} filtered to the window the query asks for, still newest first. */
    private static List<ObjectNode> select(List<ObjectNode> newestFirst, RestExchange.Request request, int limit) {
        String around = request.queryParam("around");
        String before = request.queryParam("before");
        String after = request.queryParam("after");
        List<ObjectNode> out = new ArrayList<>();
        if (around != null) {
            long pivot = Rest.snowflake(around);
            List<ObjectNode> newer = new ArrayList<>(); // oldest first: the ones closest to the pivot
            for (ObjectNode m : newestFirst.reversed()) {
                if (id(m) > pivot && newer.size() < limit / 2) {
                    newer.add(m);
                }
            }
            out.addAll(newer.reversed());
            for (ObjectNode m : newestFirst) {
                if (id(m) <= pivot && out.size() < limit) {
                    out.add(m);
                }
            }
        } else if (before != null) {
            long pivot = Rest.snowflake(before);
            newestFirst.stream().filter(m -> id(m) < pivot).limit(limit).forEach(out::add);
        } else if (after != null) {
            long pivot = Rest.snowflake(after);
            newestFirst.reversed().stream().filter(m -> id(m) > pivot).limit(limit).forEach(out::add);
            return out.reversed();
        } else {
            newestFirst.stream().limit(limit).forEach(out::add);
        }
        return out;
    }

    private static long id(ObjectNode m) {
        return Long.parseUnsignedLong(m.path("id").asText());
    }
}
