package dev.hubcord.systemtests.harness;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

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

    public SimApi(int port) {
        this.http = new Http("http://127.0.0.1:" + port, null);
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
