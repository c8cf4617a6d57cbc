package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.payload.MessagePayloads;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import java.util.Map;

/**
 * {@code POST /channels/{channel.id}/messages}: validation, the bot's channel permissions, {@code nonce} with
 * {@code enforce_nonce}, files ({@link Uploads}), MESSAGE_CREATE.
 */
final class MessageRoutes {

    private static final int MAX_CONTENT = 2000;
    private static final int MAX_NONCE = 25;

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
        RestExchange.Response badNonce = validateNonce(body);
        if (badNonce != null) {
            return badNonce;
        }
        RestExchange.Response badComponents = ComponentValidation.check(body, body.path("flags").asInt(0));
        if (badComponents != null) {
            return badComponents;
        }
        MessagePayloads.Content content = ComponentValidation.content(body);
        if (content.text().length() > MAX_CONTENT) {
            return RestExchange.Response.invalidForm("content", "BASE_TYPE_MAX_LENGTH",
                    "Must be 2000 or fewer in length.");
        }
        if (content.empty() && request.files().isEmpty()) {
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
        JsonNode nonce = body.hasNonNull("nonce") ? body.get("nonce") : null;
        String replyTo = body.path("message_reference").path("message_id").asText(null);
        if (reply && !repliedExists(channelId, replyTo)) {
            if (body.path("message_reference").path("fail_if_not_exists").asBoolean(true)) {
                return RestExchange.Response.invalidForm("message_reference", "REPLIES_UNKNOWN_MESSAGE",
                        "Unknown message");
            }
            reply = false; // Discord then sends a plain message
        }
        RestContext.Origin origin = new RestContext.Origin(SentMessage.Kind.MESSAGE, 0, nonce,
                body.path("enforce_nonce").asBoolean(false), reply ? replyTo : null);
        MessagePayloads.Content withFiles = content.withAttachments(Uploads.created(ctx, request, body, channelId));
        return RestExchange.Response.json(200,
                ctx.postMessage(guild, channelId, ctx.population().bot(), withFiles, 0, false, origin));
    }

    private boolean repliedExists(long channelId, String messageId) {
        long id = messageId == null ? -1 : Rest.snowflake(messageId);
        return ctx.messages().message(id)
                .filter(m -> m.path("channel_id").asText().equals(Long.toUnsignedString(channelId))).isPresent();
    }

    /**
     * {@code nonce}: an integer or a string of at most 25 characters (null = none); {@code enforce_nonce}: a
     * boolean. Anything else is 50035 with the field's error, as Discord reports form errors.
     */
    private static RestExchange.Response validateNonce(JsonNode body) {
        JsonNode nonce = body.path("nonce");
        if (nonce.isTextual() || nonce.isIntegralNumber()) {
            if (nonce.asText().length() > MAX_NONCE) {
                return RestExchange.Response.invalidForm("nonce", "BASE_TYPE_MAX_LENGTH",
                        "Must be " + MAX_NONCE + " or fewer in length.");
            }
        } else if (!nonce.isMissingNode() && !nonce.isNull()) {
            return RestExchange.Response.invalidForm("nonce", "NONCE_TYPE_INVALID",
                    "Nonce must be a string or integer.");
        }
        JsonNode enforce = body.path("enforce_nonce");
        if (!enforce.isMissingNode() && !enforce.isNull() && !enforce.isBoolean()) {
            return RestExchange.Response.invalidForm("enforce_nonce", "BASE_TYPE_BOOLEAN",
                    "Must be either true or false.");
        }
        return null;
    }
}
