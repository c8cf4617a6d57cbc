package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.population.Permissions;
import java.util.Map;

/** {@code GET /channels/{id}} and {@code POST /channels/{id}/typing} (TYPING_START). */
final class ChannelRoutes {

    private final RestContext ctx;

    ChannelRoutes(RestContext ctx) {
        this.ctx = ctx;
    }

    /** The channel with its {@code guild_id}, {@code nsfw} and {@code last_message_id}; VIEW_CHANNEL needed. */
    RestExchange.Response get(RestExchange.Request request, Map<String, String> params) {
        ChannelAccess a = ChannelAccess.of(ctx, params.get("channel_id"), 0);
        if (a.error() != null) {
            return a.error();
        }
        return RestExchange.Response.json(200, GuildPayloads.channel(a.channel(), a.guild().id(),
                a.snapshot().lastMessageId(a.channel().id())));
    }

    /** 204 and TYPING_START with the bot's member, as Discord does; SEND_MESSAGES needed. */
    RestExchange.Response typing(RestExchange.Request request, Map<String, String> params) {
        ChannelAccess a = ChannelAccess.of(ctx, params.get("channel_id"), Permissions.SEND_MESSAGES);
        if (a.error() != null) {
            return a.error();
        }
        ObjectNode d = Json.obj();
        d.put("user_id", Json.id(ctx.population().bot().id()));
        d.put("timestamp", System.currentTimeMillis() / 1000);
        if (a.bot() != null) {
            d.set("member", GuildPayloads.member(a.bot(), ctx.population()));
        }
        d.put("channel_id", Json.id(a.channel().id()));
        d.put("guild_id", Json.id(a.guild().id()));
        ctx.gateway().dispatchToGuild(a.guild().id(), "TYPING_START", d);
        return RestExchange.Response.noContent();
    }
}
