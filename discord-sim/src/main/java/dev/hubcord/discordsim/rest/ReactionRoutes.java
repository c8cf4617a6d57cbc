package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.payload.UserPayloads;
import dev.hubcord.discordsim.population.Permissions;
import java.util.List;
import java.util.Map;

/**
 * The bot's own reactions ({@code PUT|DELETE .../reactions/{emoji}/@me}, MESSAGE_REACTION_ADD/REMOVE) and the list
 * of who reacted ({@code GET .../reactions/{emoji}}). Reacting needs READ_MESSAGE_HISTORY, and ADD_REACTIONS when the
 * emoji is new on the message. Only unicode emoji: the sim's guilds have no custom emoji, so {@code name:id} is
 * 400/10014 Unknown Emoji, as is a key that is plain ASCII text.
 */
final class ReactionRoutes {

    private final RestContext ctx;
    private final Reactions reactions;

    ReactionRoutes(RestContext ctx, Reactions reactions) {
        this.ctx = ctx;
        this.reactions = reactions;
    }

    private static boolean unicodeEmoji(String key) {
        return key != null && !key.isEmpty() && key.length() <= 32 && key.indexOf(':') < 0
                && key.chars().anyMatch(c -> c > 0x7f);
    }

    RestExchange.Response add(RestExchange.Request request, Map<String, String> params) {
        MessageEditRoutes.Found f = MessageEditRoutes.find(ctx, params, Permissions.READ_MESSAGE_HISTORY);
        if (f.error() != null) {
            return f.error();
        }
        String emoji = params.get("emoji");
        if (!unicodeEmoji(emoji)) {
            return RestExchange.Response.error(400, 10014, "Unknown Emoji");
        }
        long messageId = Long.parseUnsignedLong(f.message().path("id").asText());
        if (!reactions.exists(messageId, emoji) && !f.access().has(Permissions.ADD_REACTIONS)) {
            return RestExchange.Response.error(403, 50013, "Missing Permissions");
        }
        long botId = ctx.population().bot().id();
        if (reactions.add(messageId, emoji, botId)) {
            ObjectNode d = event(f, emoji);
            d.put("message_author_id", f.message().path("author").path("id").asText());
            if (f.access().bot() != null) {
                d.set("member", GuildPayloads.member(f.access().bot(), ctx.population()));
            }
            d.putArray("burst_colors");
            ctx.gateway().dispatchToGuild(f.access().guild().id(), "MESSAGE_REACTION_ADD", d);
        }
        return RestExchange.Response.noContent();
    }

    RestExchange.Response remove(RestExchange.Request request, Map<String, String> params) {
        MessageEditRoutes.Found f = MessageEditRoutes.find(ctx, params, Permissions.READ_MESSAGE_HISTORY);
        if (f.error() != null) {
            return f.error();
        }
        String emoji = params.get("emoji");
        if (!unicodeEmoji(emoji)) {
            return RestExchange.Response.error(400, 10014, "Unknown Emoji");
        }
        if (reactions.remove(Long.parseUnsignedLong(f.message().path("id").asText()), emoji,
                ctx.population().bot().id())) {
            ctx.gateway().dispatchToGuild(f.access().guild().id(), "MESSAGE_REACTION_REMOVE", event(f, emoji));
        }
        return RestExchange.Response.noContent();
    }

    /** Users who reacted, in reaction order: {@code limit} 1-100 (default 25), {@code after} a user id. */
    RestExchange.Response users(RestExchange.Request request, Map<String, String> params) {
        MessageEditRoutes.Found f = MessageEditRoutes.find(ctx, params, Permissions.READ_MESSAGE_HISTORY);
        if (f.error() != null) {
            return f.error();
        }
        String emoji = params.get("emoji");
        if (!unicodeEmoji(emoji)) {
            return RestExchange.Response.error(400, 10014, "Unknown Emoji");
        }
        int limit;
        try {
            limit = request.queryParam("limit") == null ? 25 : Integer.parseInt(request.queryParam("limit"));
        } catch (NumberFormatException e) {
            limit = -1;
        }
        if (limit < 1 || limit > 100) {
            return RestExchange.Response.invalidForm("limit", "NUMBER_TYPE_MAX",
                    "int value should be between 1 and 100.");
        }
        long after = request.queryParam("after") == null ? 0 : Rest.snowflake(request.queryParam("after"));
        List<Long> users = reactions.users(Long.parseUnsignedLong(f.message().path("id").asText()), emoji);
        ArrayNode out = Json.arr();
        users.stream().filter(u -> Long.compareUnsigned(u, after) > 0).limit(limit)
                .forEach(u -> ctx.population().user(u).ifPresent(user -> out.add(UserPayloads.user(user))));
        return RestExchange.Response.json(200, out);
    }

    private ObjectNode event(MessageEditRoutes.Found f, String emoji) {
        ObjectNode d = Json.obj();
        d.put("user_id", Json.id(ctx.population().bot().id()));
        d.put("type", 0);
        d.put("message_id", f.message().path("id").asText());
        d.set("emoji", Reactions.emojiObject(emoji));
        d.put("channel_id", Json.id(f.access().channel().id()));
        d.put("burst", false);
        d.put("guild_id", Json.id(f.access().guild().id()));
        return d;
    }
}
