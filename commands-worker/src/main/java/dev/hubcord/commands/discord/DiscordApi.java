package dev.hubcord.commands.discord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordrest.DiscordRest;
import dev.hubcord.discordrest.DiscordRestException;
import dev.hubcord.discordrest.FileUpload;
import dev.hubcord.discordrest.MultipartBody;
import dev.hubcord.discordrest.Replay;
import dev.hubcord.discordrest.RestRequest;
import dev.hubcord.protocol.codec.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** The Discord endpoints the worker uses, over the process's {@link DiscordRest}. IDs are snowflake strings. */
public final class DiscordApi {

    /** Message flag: only the invoker sees the message (interaction responses). */
    public static final int EPHEMERAL = 64;
    /** Message flag: a deferred interaction response that has not been filled in yet. */
    public static final int LOADING = 128;
    /** Discord error: Unknown Member. */
    public static final int UNKNOWN_MEMBER = 10007;
    /** Discord error: Unknown Message. */
    public static final int UNKNOWN_MESSAGE = 10008;
    /** Discord error: Unknown Ban. */
    public static final int UNKNOWN_BAN = 10026;
    /** Discord error: Unknown interaction (not acknowledged within 3 s, or an unknown token). */
    public static final int UNKNOWN_INTERACTION = 10062;
    /** Discord error: Interaction has already been acknowledged. */
    public static final int ALREADY_ACKNOWLEDGED = 40060;

    private final DiscordRest rest;

    public DiscordApi(DiscordRest rest) {
        this.rest = rest;
    }

    public DiscordRest rest() {
        return rest;
    }

    /** A message body: content, no pings (replies do not ping the replied-to user either). */
    public static ObjectNode message(String content) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("content", content);
        body.putObject("allowed_mentions").putArray("parse");
        return body;
    }

    /** {@code POST /channels/{channel}/messages}, as a reply to {@code replyTo} when not null; never repeated. */
    public JsonNode createMessage(String channelId, ObjectNode body, String replyTo) {
        return createMessage(channelId, body, replyTo, null);
    }

    /**
     * {@code POST /channels/{channel}/messages} with {@code nonce} and {@code enforce_nonce: true} when
     * {@code nonce} is not null (see {@link Nonces}): Discord then answers a second create with the same nonce with
     * the first message, so the request is repeated after an unknown outcome, and a rerun of the command posts the
     * same message rather than a second one.
     */
    public JsonNode createMessage(String channelId, ObjectNode body, String replyTo, String nonce) {
        return createMessage(channelId, body, replyTo, nonce, List.of());
    }

    /** {@link #createMessage(String, ObjectNode, String, String)} with files (multipart). */
    public JsonNode createMessage(String channelId, ObjectNode body, String replyTo, String nonce,
            List<FileUpload> files) {
        if (replyTo != null && !body.has("message_reference")) {
            ObjectNode ref = body.putObject("message_reference");
            ref.put("message_id", replyTo);
            ref.put("fail_if_not_exists", false);
            ((ObjectNode) body.path("allowed_mentions")).put("replied_user", false);
        }
        RestRequest request = RestRequest.of("POST", "/channels/" + channelId + "/messages");
        if (nonce != null) {
            body.put("nonce", nonce);
            body.put("enforce_nonce", true);
            request = request.withReplay(Replay.SAFE);
        }
        return rest.call(request.withBody(withFiles(body, files)));
    }

    private static Object withFiles(ObjectNode json, List<FileUpload> files) {
        return files.isEmpty() ? json : MultipartBody.of(json, files);
    }

    /**
     * {@code POST /interactions/{id}/{token}/callback}: type 4 (message) or 5 (deferred). Repeated after an unknown
     * outcome; 40060 (already acknowledged) on the repeat means the first attempt worked.
     */
    public void interactionCallback(String interactionId, String token, int type, ObjectNode data) {
        interactionCallback(interactionId, token, type, data, List.of());
    }

    /** {@link #interactionCallback(String, String, int, ObjectNode)} with files (multipart). */
    public void interactionCallback(String interactionId, String token, int type, ObjectNode data,
            List<FileUpload> files) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("type", type);
        if (data != null) {
            body.set("data", data);
        }
        rest.execute(RestRequest.of("POST", "/interactions/" + interactionId + "/" + token + "/callback")
                .withBody(withFiles(body, files)).withReplay(Replay.doneIf(ALREADY_ACKNOWLEDGED)));
    }

    /** {@code PATCH /webhooks/{app}/{token}/messages/@original}: fills in a deferred response (repeatable). */
    public JsonNode editOriginal(String applicationId, String token, ObjectNode body) {
        return editOriginal(applicationId, token, body, List.of());
    }

    public JsonNode editOriginal(String applicationId, String token, ObjectNode body, List<FileUpload> files) {
        return rest.call(RestRequest.of("PATCH", "/webhooks/" + applicationId + "/" + token + "/messages/@original")
                .withBody(withFiles(body, files)).withReplay(Replay.SAFE));
    }

    /** {@code GET /webhooks/{app}/{token}/messages/@original}: the response as it is now (flags 128: loading). */
    public JsonNode getOriginal(String applicationId, String token) {
        return rest.call(RestRequest.of("GET", "/webhooks/" + applicationId + "/" + token + "/messages/@original"));
    }

    /** {@code DELETE /webhooks/{app}/{token}/messages/@original} (repeatable: 10008 on a repeat means done). */
    public void deleteOriginal(String applicationId, String token) {
        rest.execute(RestRequest.of("DELETE", "/webhooks/" + applicationId + "/" + token + "/messages/@original")
                .withReplay(Replay.doneIf(UNKNOWN_MESSAGE)));
    }

    /** {@code POST /webhooks/{app}/{token}}: a follow-up message; webhooks take no nonce, so never repeated. */
    public JsonNode followUp(String applicationId, String token, ObjectNode body) {
        return followUp(applicationId, token, body, List.of());
    }

    public JsonNode followUp(String applicationId, String token, ObjectNode body, List<FileUpload> files) {
        return rest.call(RestRequest.of("POST", "/webhooks/" + applicationId + "/" + token)
                .withBody(withFiles(body, files)));
    }

    /** {@code PUT /guilds/{guild}/bans/{user}} with the reason in the audit log. */
    public void ban(String guildId, String userId, String reason, int deleteMessageSeconds) {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("delete_message_seconds", deleteMessageSeconds);
        rest.execute(RestRequest.of("PUT", "/guilds/" + guildId + "/bans/" + userId).withBody(body)
                .withReason(reason));
    }

    /** {@code DELETE /guilds/{guild}/bans/{user}} (repeatable: 10026 Unknown Ban on a repeat means done). */
    public void unban(String guildId, String userId, String reason) {
        rest.execute(RestRequest.of("DELETE", "/guilds/" + guildId + "/bans/" + userId).withReason(reason)
                .withReplay(Replay.doneIf(UNKNOWN_BAN)));
    }

    /** {@code DELETE /guilds/{guild}/members/{user}} (repeatable: 10007 Unknown Member on a repeat means done). */
    public void kick(String guildId, String userId, String reason) {
        rest.execute(RestRequest.of("DELETE", "/guilds/" + guildId + "/members/" + userId).withReason(reason)
                .withReplay(Replay.doneIf(UNKNOWN_MEMBER)));
    }

    /** {@code GET /guilds/{guild}/members/{user}}: the member with its {@code user}; empty for 404 (10007). */
    public Optional<JsonNode> member(String guildId, String userId) {
        return orEmptyOn404(() -> rest.call(RestRequest.of("GET", "/guilds/" + guildId + "/members/" + userId)));
    }

    /** {@code GET /users/{user}}; empty for 404 (10013 Unknown User). */
    public Optional<JsonNode> user(String userId) {
        return orEmptyOn404(() -> rest.call(RestRequest.of("GET", "/users/" + userId)));
    }

    /** {@code GET /guilds/{guild}/members/search?query=&limit=}: members whose username or nickname starts so. */
    public JsonNode searchMembers(String guildId, String query, int limit) {
        return rest.call(RestRequest.of("GET", "/guilds/" + guildId + "/members/search")
                .withQuery("query=" + URLEncoder.encode(query, StandardCharsets.UTF_8) + "&limit=" + limit));
    }

    private static Optional<JsonNode> orEmptyOn404(Supplier<JsonNode> call) {
        try {
            return Optional.of(call.get());
        } catch (DiscordRestException e) {
            if (e.kind() == DiscordRestException.Kind.HTTP && e.status() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** {@code PATCH /guilds/{guild}/members/{user}} with {@code communication_disabled_until} (null lifts it). */
    public void timeout(String guildId, String userId, Instant until, String reason) {
        ObjectNode body = Json.mapper().createObjectNode();
        if (until == null) {
            body.putNull("communication_disabled_until");
        } else {
            body.put("communication_disabled_until", until.toString());
        }
        // An absolute end time: setting it twice is setting it once.
        rest.execute(RestRequest.of("PATCH", "/guilds/" + guildId + "/members/" + userId).withBody(body)
                .withReason(reason).withReplay(Replay.SAFE));
    }
}
