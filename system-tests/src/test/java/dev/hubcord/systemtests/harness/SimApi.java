package dev.hubcord.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simulated Discord as its users see it: who is in which guild, what they say, and what the bot sent to Discord
 * (its REST calls and voice frames).
 */
public final class SimApi {

    /** One REST call the bot made to (simulated) Discord. */
    public record Request(long atMillis, String method, String path, JsonNode body, int status) {

        public String content() {
            return body == null ? "" : body.path("content").asText("");
        }
    }

    private final Http http;
    private final Http bot;

    public SimApi(int port) {
        this.http = new Http("http://127.0.0.1:" + port, null);
        this.bot = new Http("http://127.0.0.1:" + port, "Bot " + Deployment.TOKEN);
    }

    public List<JsonNode> guilds() {
        List<JsonNode> out = new ArrayList<>();
        http.get("/_sim/guilds").ok().json().forEach(out::add);
        return out;
    }

    public JsonNode guild(String id) {
        return http.get("/_sim/guilds/" + id).ok().json();
    }

    /** A user says something in a channel; the created message (with its {@code id}). */
    public JsonNode say(String channelId, String authorId, String content) {
        return http.post("/_sim/messages", Map.of("channel_id", channelId, "author_id", authorId, "content", content))
                .ok().json();
    }

    /** A user runs a slash command; the INTERACTION_CREATE payload (with its {@code id}). */
    public JsonNode slash(String channelId, String userId, String name, JsonNode options) {
        ObjectNode body = Http.JSON.createObjectNode().put("channel_id", channelId).put("user_id", userId)
                .put("name", name);
        if (options != null) {
            body.set("options", options);
        }
        return http.post("/_sim/interactions", body).ok().json();
    }

    /** A user clicks a button or chooses in a select menu of a bot message; the INTERACTION_CREATE payload. */
    public JsonNode click(String messageId, String userId, String customId, List<String> values) {
        return http.post("/_sim/interactions/component", Map.of("message_id", messageId, "user_id", userId,
                "custom_id", customId, "values", values)).ok().json();
    }

    /** A user submits the modal the bot showed them: text inputs by custom ID. */
    public JsonNode submitModal(String customId, String userId, Map<String, String> values) {
        return http.post("/_sim/interactions/modal", Map.of("custom_id", customId, "user_id", userId, "values",
                values)).ok().json();
    }

    /** A user uses a user context menu ("Apps") on {@code targetId}. */
    public JsonNode userCommand(String channelId, String userId, String name, String targetId) {
        return http.post("/_sim/interactions/context", Map.of("channel_id", channelId, "user_id", userId, "type", 2,
                "name", name, "target_id", targetId)).ok().json();
    }

    /** A user types {@code value} into an autocompleted option. */
    public JsonNode autocomplete(String channelId, String userId, String name, String option, String value) {
        return http.post("/_sim/interactions/autocomplete", Map.of("channel_id", channelId, "user_id", userId,
                "name", name, "option", option, "value", value)).ok().json();
    }

    /** The interaction and the bot's answer so far ({@code callback_type}, {@code response}, {@code choices}...). */
    public Optional<JsonNode> interaction(String id) {
        Http.Answer a = http.get("/_sim/interactions/" + id);
        return a.status() == 404 ? Optional.empty() : Optional.of(a.ok().json());
    }

    /** A new user named {@code username} joins the guild (GUILD_MEMBER_ADD); {@code {guild_id, user_id, username}}. */
    public JsonNode join(String guildId, String username) {
        return http.post("/_sim/guilds/" + guildId + "/members", Map.of("username", username)).ok().json();
    }

    /** Discord's 3 s (first callback) and 15 min (everything else) interaction windows, shortened for a test. */
    public void interactionWindows(long deadlineMs, long tokenTtlMs) {
        http.post("/_sim/rest/interactions", Map.of("deadline_ms", deadlineMs, "token_ttl_ms", tokenTtlMs)).ok();
    }

    /** Posts a message as the bot, through Discord's REST API (as an earlier version of the bot would have). */
    public JsonNode postAsBot(String channelId, JsonNode message) {
        return bot.post("/api/v10/channels/" + channelId + "/messages", message).ok().json();
    }

    /** Every REST call the bot made, oldest first. */
    public List<Request> requests() {
        List<Request> out = new ArrayList<>();
        for (JsonNode r : http.get("/_sim/rest/requests").ok().json()) {
            String body = r.path("body").asText(null);
            JsonNode parsed = body == null || body.isBlank() ? null : tryParse(body);
            out.add(new Request(r.path("atMillis").asLong(), r.path("method").asText(), r.path("path").asText(),
                    parsed, r.path("status").asInt()));
        }
        return out;
    }

    private static JsonNode tryParse(String body) {
        try {
            return Http.parse(body);
        } catch (RuntimeException e) {
            return null;
        }
    }

    public List<Request> requests(String method, String pathPart) {
        return requests().stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart)).toList();
    }

    /** The simulator's record of messages (users' and the bot's), oldest first; {@code channelId} may be null. */
    public List<JsonNode> messages(String channelId) {
        List<JsonNode> out = new ArrayList<>();
        http.get("/_sim/messages" + (channelId == null ? "" : "?channel_id=" + channelId)).ok().json()
                .forEach(out::add);
        return out;
    }

    /** Sets a REST bucket's limit (per major parameter, e.g. per channel for {@code messages}). */
    public void bucket(String name, int limit, long windowMs) {
        http.post("/_sim/rest/buckets/" + name, Map.of("limit", limit, "window_ms", windowMs)).ok();
    }

    /** Sets the global REST limit of the bot's token (Discord's: 50 per second). */
    public void global(int limit, long windowMs) {
        http.post("/_sim/rest/global", Map.of("limit", limit, "window_ms", windowMs)).ok();
    }

    public JsonNode identifies() {
        return http.get("/_sim/identifies").ok().json();
    }

    public JsonNode voice() {
        return http.get("/_sim/voice").ok().json();
    }

    public JsonNode voice(String guildId) {
        return http.get("/_sim/voice/" + guildId).ok().json();
    }
}
