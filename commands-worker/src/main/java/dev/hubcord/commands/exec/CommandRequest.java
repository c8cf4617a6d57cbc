package dev.hubcord.commands.exec;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * An EXECUTE_COMMAND event's data: {@code {command, raw, ids:{message, author, channel, guild, shard}}}, plus
 * {@code interaction:{id, token, applicationID}} and {@code options} for slash commands.
 */
public record CommandRequest(String command, String raw, String messageId, String authorId, String channelId,
        String guildId, int shard, Interaction interaction, JsonNode options, boolean redelivered) {

    /** A slash command's interaction. */
    public record Interaction(String id, String token, String applicationId) {}

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
        Interaction interaction = i.isObject() && text(i.path("id")) != null && text(i.path("token")) != null
                ? new Interaction(text(i.path("id")), text(i.path("token")), text(i.path("applicationID")))
                : null;
        String raw = text(d.path("raw"));
        return new CommandRequest(command, raw == null ? "" : raw, text(ids.path("message")), author, channel,
                text(ids.path("guild")), ids.path("shard").asInt(0), interaction, d.path("options"),
                d.path("redelivered").asBoolean(false));
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
