package dev.hubcord.systemtests.harness;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a Discord user does with interactions besides a slash command, through the simulator's control API:
 * typing into an autocompleted option, clicking a button, and what the simulator recorded of the bot's answer
 * ({@code GET /_sim/interactions/{id}}: callback type, response, choices). Also the application's commands as
 * Discord has them registered ({@code GET /applications/{app}/commands} with the bot's token).
 */
public final class SimInteractions {

    private final Http control;
    private final Http api;

    public SimInteractions(Deployment system) {
        String base = "http://127.0.0.1:" + simPort(system);
        this.control = new Http(base, null);
        this.api = new Http(base + "/api/v10", "Bot " + Deployment.TOKEN);
    }

    /**
     * The simulator's port, from the line it printed at start (in its log file: the in-memory tail may have lost
     * it by now).
     */
    private static String simPort(Deployment system) {
        try (java.util.stream.Stream<String> lines = java.nio.file.Files.lines(
                system.dir().resolve("logs").resolve("discord-sim.log"))) {
            return lines.filter(l -> l.startsWith("DISCORD_SIM_PORT=")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the simulator's log names no port"))
                    .substring("DISCORD_SIM_PORT=".length()).trim();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** Typing {@code value} into option {@code option} of {@code /name}; the INTERACTION_CREATE payload. */
    public JsonNode autocomplete(String channelId, String userId, String name, String option, String value) {
        ObjectNode body = Http.JSON.createObjectNode().put("channel_id", channelId).put("user_id", userId)
                .put("name", name).put("option", option).put("value", value);
        return control.post("/_sim/interactions/autocomplete", body).ok().json();
    }

    /** A click on button {@code customId} of the bot's message {@code messageId}; the INTERACTION_CREATE payload. */
    public JsonNode click(String messageId, String userId, String customId) {
        ObjectNode body = Http.JSON.createObjectNode().put("message_id", messageId).put("user_id", userId)
                .put("custom_id", customId);
        return control.post("/_sim/interactions/component", body).ok().json();
    }

    /** The simulator's record of an interaction, once the bot has answered it ({@code callback_type} set). */
    public JsonNode awaitAnswered(String interactionId) {
        return await("the bot's answer to interaction " + interactionId).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> {
                    Http.Answer a = control.get("/_sim/interactions/" + interactionId);
                    return a.status() == 200 ? a.json() : null;
                }, s -> s != null && !s.path("callback_type").isNull() && !s.path("callback_type").isMissingNode());
    }

    /** The message that answers interaction {@code interactionId} (its response), once it exists. */
    public JsonNode awaitResponseMessage(String channelId, String interactionId) {
        return await("the response message of " + interactionId).atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(100)).until(() -> messages(channelId).stream()
                        .filter(m -> m.path("interaction_id").asText().equals(interactionId)).findFirst(),
                        Optional::isPresent).orElseThrow();
    }

    /** The simulator's record of one message now (content, components), or empty. */
    public Optional<JsonNode> message(String channelId, String messageId) {
        return messages(channelId).stream().filter(m -> m.path("id").asText().equals(messageId)).findFirst();
    }

    public List<JsonNode> messages(String channelId) {
        List<JsonNode> out = new ArrayList<>();
        control.get("/_sim/messages?channel_id=" + channelId).ok().json().forEach(out::add);
        return out;
    }

    /** The custom ID of the button labelled {@code label} on a message record; fails when there is none. */
    public static String button(JsonNode message, String label) {
        for (JsonNode row : message.path("components")) {
            for (JsonNode b : row.path("components")) {
                if (b.path("label").asText().equals(label)) {
                    return b.path("custom_id").asText();
                }
            }
        }
        throw new AssertionError("no button " + label + " on " + message);
    }

    public String applicationId() {
        return api.get("/applications/@me").ok().json().path("id").asText();
    }

    /** The application's global commands as registered with (simulated) Discord. */
    public JsonNode registeredCommands() {
        return api.get("/applications/" + applicationId() + "/commands").ok().json();
    }

    /**
     * The bot's own requests (its {@code DiscordBot} user agent, not this harness's) to the application's global
     * commands, {@code "METHOD path"}, oldest first: each registration pass starts with the GET.
     */
    public List<String> botRegistrationRequests(String applicationId) {
        String path = "/applications/" + applicationId + "/commands";
        List<String> out = new ArrayList<>();
        for (JsonNode r : control.get("/_sim/rest/requests").ok().json()) {
            if (r.path("path").asText().contains(path)
                    && r.path("headers").path("user-agent").asText().startsWith("DiscordBot")) {
                out.add(r.path("method").asText() + " " + r.path("path").asText());
            }
        }
        return out;
    }
}
