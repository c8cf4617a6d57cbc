package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.payload.MessagePayloads;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import java.util.Map;

/** {@code POST /channels/{channel.id}/messages}: validation, the bot's channel permissions, MESSAGE_CREATE. */
final class MessageRoutes {

    private static final int MAX_CONTENT = 2000;

    private final RestContext ctx;

    MessageRoutes(RestContext ctx) {
        this.ctx = ctx;
    }

    RestExchange.Response create(RestExchange.Request request, Map<String, String> params) {
        long channelId = Rest.snowflake(params.get("channel_id"));
        SimGuild guild = ctx.population().guildOfChannel(channelId).orElse(null);
        if (guild == null) {
            return RestExchange.Response.error(404, 10003, "Unknown Channel");
        }
        JsonNode body = RestContext.body(request);
        if (body == null) {
            return RestExchange.Response.error(400, 50109, "The request body contains invalid JSON.");
        }
        MessagePayloads.Content content = MessagePayloads.Content.of(body);
        if (content.text().length() > MAX_CONTENT) {
            return RestExchange.Response.invalidForm("content", "BASE_TYPE_MAX_LENGTH",
                    "Must be 2000 or fewer in length.");
        }
        if (content.empty()) {
            return RestExchange.Response.error(400, 50006, "Cannot send an empty message");
        }
        SimGuild.Snapshot snap = guild.snapshot();
        SimChannel channel = snap.channel(channelId).orElseThrow();
        SimMember bot = snap.member(ctx.population().bot().id()).orElse(null);
        long perms = bot == null ? 0 : Permissions.inChannel(snap, bot, channel, System.currentTimeMillis());
        if ((perms & Permissions.VIEW_CHANNEL) == 0) {
            return RestExchange.Response.error(403, 50001, "Missing Access");
        }
        boolean reply = body.has("message_reference");
        if ((perms & Permissions.SEND_MESSAGES) == 0
                || (content.tts() && (perms & Permissions.SEND_TTS_MESSAGES) == 0)
                || (reply && (perms & Permissions.READ_MESSAGE_HISTORY) == 0)) {
            return RestExchange.Response.error(403, 50013, "Missing Permissions");
        }
        return RestExchange.Response.json(200,
                ctx.postMessage(guild, channelId, ctx.population().bot(), content, 0, false));
    }
}
