package dev.hubcord.commands.exec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;

/**
 * An EXECUTE_COMMAND event's data: {@code {command, raw, ids:{message, author, channel, guild, shard}}}, plus
 * {@code interaction:{id, token, applicationID, type}} and {@code options} for interactions, whose {@code raw} is
 * Discord's interaction object. An interaction whose {@code raw} is text (the older shape, without the object) is
 * read as an application command built from {@code command} and {@code options}.
 */
public record CommandRequest(String command, String raw, String messageId, String authorId, String channelId,
        String guildId, int shard, Interaction interaction, JsonNode options, boolean redelivered,
        JsonNode rawInteraction) {

    /**
     * An interaction's identity.
     *
     * @param type 2 application command, 3 component, 4 autocomplete, 5 modal submit
     */
    public record Interaction(String id, String token, String applicationId, int type) {

        public Interaction(String id, String token, String applicationId) {
            this(id, token, applicationId, 2);
        }
    }

    /** Reads the event data; {@code null} when it lacks a command name, an author or a channel. */
    public static CommandRequest from(JsonNode d) {
        JsonNode ids = d.path("ids");
        String command = text(d.path("command"));
        String author = text(ids.path("author"));
        String channel = text(ids.path("channel"));
        if (command == null || author == null || channel == null) {
            return null;
        }
        JsonNode i = d.path("interaction");
        JsonNode rawNode = d.path("raw");
        int type = i.path("type").asInt(rawNode.path("type").asInt(2));
        Interaction interaction = i.isObject() && text(i.path("id")) != null && text(i.path("token")) != null
                ? new Interaction(text(i.path("id")), text(i.path("token")), text(i.path("applicationID")), type)
                : null;
        String raw = text(rawNode);
        JsonNode rawInteraction = null;
        if (interaction != null) {
            rawInteraction = rawNode.isObject() ? rawNode : synthesize(command, interaction, author, channel,
                    text(ids.path("guild")), d.path("options"));
        }
        return new CommandRequest(command, raw == null ? "" : raw, text(ids.path("message")), author, channel,
                text(ids.path("guild")), ids.path("shard").asInt(0), interaction, d.path("options"),
                d.path("redelivered").asBoolean(false), rawInteraction);
    }

    /** The interaction object of the older shape (no {@code raw} object): a chat-input command. */
    private static JsonNode synthesize(String command, Interaction i, String author, String channel, String guild,
            JsonNode options) {
        ObjectNode o = Json.mapper().createObjectNode().put("id", i.id()).put("token", i.token())
                .put("application_id", i.applicationId()).put("type", i.type()).put("channel_id", channel);
        if (guild != null) {
            o.put("guild_id", guild);
            o.putObject("member").putObject("user").put("id", author);
        } else {
            o.putObject("user").put("id", author);
        }
        ObjectNode data = o.putObject("data").put("name", command).put("type", 1);
        data.set("options", options.isArray() ? options : Json.mapper().createArrayNode());
        return o;
    }

    /** Whether this is a component or modal submit (routed by custom ID). */
    public boolean isComponent() {
        return interaction != null && (interaction.type() == 3 || interaction.type() == 5);
    }

    /** Whether this is an autocomplete request (answered on its own lane). */
    public boolean isAutocomplete() {
        return interaction != null && interaction.type() == 4;
    }

    /** The idempotency key: the interaction's ID, else the message's; {@code null} when there is neither. */
    public String key() {
        if (interaction != null) {
            return "interaction:" + interaction.id();
        }
        return messageId == null ? null : "message:" + messageId;
    }

    private static String text(JsonNode n) {
        return n.isTextual() || n.isNumber() ? n.asText() : null;
    }
}
