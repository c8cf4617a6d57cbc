package dev.hubcord.sharder.forward;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;

/**
 * Builds EXECUTE_COMMAND (the seed's shape {@code {command, raw, ids:{message, author, channel, guild,
 * shard}}}) from a message that starts with the prefix or a mention of the bot, and from a slash
 * interaction of any type a bot answers (plus {@code interaction:{id, token, applicationID, type}} and
 * {@code options}).
 *
 * <p>Choices the contract leaves open: the command name is lower-cased; {@code raw} is the rest of the
 * message after the command with leading whitespace removed; messages by bots and webhooks are
 * ignored; for an interaction {@code ids.message} is null (there is no invoking message) and {@code raw}
 * is the interaction object itself.
 */
public final class Commands {

    private Commands() {}

    /** EXECUTE_COMMAND for a MESSAGE_CREATE, or {@code null} when the message is not a command. */
    public static ObjectNode fromMessage(JsonNode message, String prefix, String botUserId, int shard) {
        JsonNode author = message.path("author");
        if (author.path("bot").asBoolean(false) || message.hasNonNull("webhook_id")) {
            return null;
        }
        String content = message.path("content").asText("");
        String rest = afterTrigger(content, prefix, botUserId);
        if (rest == null) {
            return null;
        }
        rest = rest.stripLeading();
        if (rest.isEmpty()) {
            return null;
        }
        int end = 0;
        while (end < rest.length() && !Character.isWhitespace(rest.charAt(end))) {
            end++;
        }
        ObjectNode d = CacheEntities.object();
        d.put("command", rest.substring(0, end).toLowerCase(Locale.ROOT));
        d.put("raw", rest.substring(end).stripLeading());
        ObjectNode ids = d.putObject("ids");
        ids.put("message", message.path("id").asText(null));
        ids.put("author", author.path("id").asText(null));
        ids.put("channel", message.path("channel_id").asText(null));
        ids.put("guild", message.path("guild_id").asText(null));
        ids.put("shard", shard);
        return d;
    }

    private static String afterTrigger(String content, String prefix, String botUserId) {
        if (!prefix.isEmpty() && content.startsWith(prefix)) {
            return content.substring(prefix.length());
        }
        if (botUserId != null) {
            for (String mention : new String[] {"<@" + botUserId + ">", "<@!" + botUserId + ">"}) {
                if (content.startsWith(mention)) {
                    return content.substring(mention.length());
                }
            }
        }
        return null;
    }

    /**
     * EXECUTE_COMMAND for an INTERACTION_CREATE of type 2 (application command: chat input, user or message context
     * menu), 3 (message component), 4 (autocomplete) or 5 (modal submit), else {@code null}. {@code raw} is the
     * whole interaction object, so the worker sees {@code data}, {@code resolved}, {@code message} and the member
     * as Discord sent them; {@code command} is the command's name for types 2 and 4 and the {@code custom_id} for
     * 3 and 5 (the worker routes on it).
     */
    public static ObjectNode fromInteraction(JsonNode interaction, int shard) {
        int type = interaction.path("type").asInt(0);
        if (type < 2 || type > 5) {
            return null;
        }
        JsonNode data = interaction.path("data");
        String name = (type == 3 || type == 5 ? data.path("custom_id") : data.path("name")).asText("");
        if (name.isEmpty()) {
            return null;
        }
        JsonNode options = data.path("options");
        ObjectNode d = CacheEntities.object();
        d.put("command", type == 3 || type == 5 ? name : name.toLowerCase(Locale.ROOT));
        d.set("raw", interaction.deepCopy());
        ObjectNode ids = d.putObject("ids");
        ids.putNull("message");
        JsonNode user = interaction.path("member").path("user");
        if (user.isMissingNode()) {
            user = interaction.path("user");
        }
        ids.put("author", user.path("id").asText(null));
        String channel = interaction.path("channel_id").asText(null);
        ids.put("channel", channel != null ? channel : interaction.path("channel").path("id").asText(null));
        ids.put("guild", interaction.path("guild_id").asText(null));
        ids.put("shard", shard);
        ObjectNode i = d.putObject("interaction");
        i.put("id", interaction.path("id").asText(null));
        i.put("token", interaction.path("token").asText(null));
        i.put("applicationID", interaction.path("application_id").asText(null));
        i.put("type", type);
        d.set("options", options.isArray() ? options.deepCopy() : CacheEntities.object().arrayNode());
        return d;
    }
}
