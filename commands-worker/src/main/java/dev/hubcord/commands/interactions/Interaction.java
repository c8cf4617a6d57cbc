package dev.hubcord.commands.interactions;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.hub.HubUser;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Discord's interaction object (the EXECUTE_COMMAND's {@code raw}), read for handlers.
 *
 * @param type 2 application command, 3 message component, 4 autocomplete, 5 modal submit
 */
public record Interaction(JsonNode json, String id, String token, String applicationId, int type, String guildId,
        String channelId, HubUser user, Resolved resolved) {

    public static final int APPLICATION_COMMAND = 2;
    public static final int MESSAGE_COMPONENT = 3;
    public static final int AUTOCOMPLETE = 4;
    public static final int MODAL_SUBMIT = 5;

    /** Reads {@code raw}; the ids given separately win when {@code raw} lacks them. */
    public static Interaction of(JsonNode raw, String id, String token, String applicationId, int type) {
        JsonNode u = raw.path("member").path("user");
        if (!u.isObject()) {
            u = raw.path("user");
        }
        String guild = raw.path("guild_id").asText(null);
        String channel = raw.path("channel_id").asText(raw.path("channel").path("id").asText(null));
        return new Interaction(raw, raw.path("id").asText(id), raw.path("token").asText(token),
                raw.path("application_id").asText(applicationId), raw.path("type").asInt(type), guild, channel,
                u.isObject() ? Resolved.user(u) : null, Resolved.of(raw.path("data").path("resolved"), guild));
    }

    public JsonNode data() {
        return json.path("data");
    }

    /** The {@code custom_id} of a component or modal submit. */
    public String customId() {
        return data().path("custom_id").asText(null);
    }

    /** A select's chosen values (IDs for entity selects). */
    public List<String> values() {
        List<String> out = new ArrayList<>();
        data().path("values").forEach(v -> out.add(v.asText()));
        return out;
    }

    /** The ID of the message a component is on. */
    public Optional<String> messageId() {
        return Optional.ofNullable(json.path("message").path("id").asText(null));
    }

    /** The application command's type: 1 chat input, 2 user, 3 message. */
    public int commandType() {
        return data().path("type").asInt(1);
    }

    /** A context menu's target ID. */
    public Optional<String> targetId() {
        return Optional.ofNullable(data().path("target_id").asText(null));
    }

    /** A modal's text input values by custom ID, from rows ({@code type 1}) or labels ({@code component}). */
    public Optional<String> textValue(String customId) {
        return find(data().path("components"), customId).map(n -> n.path("value").asText(null));
    }

    private static Optional<JsonNode> find(JsonNode components, String customId) {
        for (JsonNode c : components) {
            if (customId.equals(c.path("custom_id").asText(null))) {
                return Optional.of(c);
            }
            Optional<JsonNode> inner = find(c.path("components"), customId);
            JsonNode labelled = c.path("component"); // a label component wraps its input
            if (inner.isEmpty() && customId.equals(labelled.path("custom_id").asText(null))) {
                inner = Optional.of(labelled);
            }
            if (inner.isPresent()) {
                return inner;
            }
        }
        return Optional.empty();
    }
}
