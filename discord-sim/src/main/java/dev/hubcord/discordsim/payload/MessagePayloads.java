package dev.hubcord.discordsim.payload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimUser;
import java.util.List;

/** Message and interaction objects. */
public final class MessagePayloads {

    private MessagePayloads() {}

    /** What a message says, independent of where and by whom. */
    public record Content(String text, JsonNode embeds, JsonNode components, boolean tts, int flags,
            JsonNode attachments) {

        /** Content without files. */
        public Content(String text, JsonNode embeds, JsonNode components, boolean tts, int flags) {
            this(text, embeds, components, tts, flags, null);
        }

        /** The same content with these attachment objects (null: none). */
        public Content withAttachments(JsonNode files) {
            return new Content(text, embeds, components, tts, flags, files);
        }

        /** Reads a REST message body ({@code content}, {@code embeds}, {@code components}, {@code tts}, flags). */
        public static Content of(JsonNode body) {
            return new Content(body.path("content").asText(""), body.path("embeds"), body.path("components"),
                    body.path("tts").asBoolean(false), body.path("flags").asInt(0));
        }

        public static Content text(String text) {
            return new Content(text, null, null, false, 0);
        }

        public boolean empty() {
            return text.isEmpty() && (embeds == null || embeds.isEmpty())
                    && (components == null || components.isEmpty())
                    && (attachments == null || attachments.isEmpty());
        }
    }

    /**
     * A message. {@code member} is partial (no {@code user}) as in real MESSAGE_CREATE; {@code guildId} 0 = a DM;
     * {@code webhookId} non-zero marks interaction responses and follow-ups.
     */
    public static ObjectNode message(long id, long channelId, long guildId, SimUser author, SimMember member,
            Content content, List<SimUser> mentions, long webhookId, long applicationId) {
        ObjectNode m = Json.obj();
        m.put("type", 0);
        m.put("tts", content.tts());
        m.put("timestamp", Json.timestamp(System.currentTimeMillis()));
        m.put("pinned", false);
        ArrayNode mentioned = m.putArray("mentions");
        mentions.forEach(u -> mentioned.add(UserPayloads.user(u)));
        m.putArray("mention_roles");
        m.put("mention_everyone", content.text().contains("@everyone"));
        if (member != null && guildId != 0) {
            m.set("member", GuildPayloads.member(member, null));
        }
        m.put("id", Json.id(id));
        m.put("flags", content.flags());
        m.set("embeds", embeds(content.embeds()));
        m.putNull("edited_timestamp");
        m.put("content", content.text());
        m.set("components", content.components() == null || content.components().isMissingNode() ? Json.arr()
                : content.components());
        m.put("channel_type", 0);
        m.put("channel_id", Json.id(channelId));
        m.set("author", UserPayloads.user(author));
        m.set("attachments", content.attachments() == null ? Json.arr() : content.attachments());
        if (guildId != 0) {
            m.put("guild_id", Json.id(guildId));
        }
        if (webhookId != 0) {
            m.put("webhook_id", Json.id(webhookId));
            m.put("application_id", Json.id(applicationId));
        }
        return m;
    }

    /**
     * Embeds as Discord echoes them: every embed an object with {@code "type": "rich"} unless it named its type
     * (libraries such as JDA drop embeds without one). Missing or non-array input gives {@code []}.
     */
    public static ArrayNode embeds(JsonNode embeds) {
        ArrayNode out = Json.arr();
        if (embeds == null || !embeds.isArray()) {
            return out;
        }
        for (JsonNode e : embeds) {
            if (e.isObject()) {
                ObjectNode copy = ((ObjectNode) e).deepCopy();
                if (!copy.hasNonNull("type")) {
                    copy.put("type", "rich");
                }
                out.add(copy);
            }
        }
        return out;
    }

    /**
     * Marks {@code m} as the answer to an interaction, as Discord does for responses and follow-ups:
     * {@code interaction_metadata} (with {@code original_response_message_id} on follow-ups, {@code originalId}
     * non-zero). For an application command (interaction type 2) the message is type 20 (chat input) or 23 (context
     * menu), the metadata names the command, and the deprecated {@code interaction} object older libraries read is
     * added; for a component (3) the metadata carries {@code interacted_message_id}; components and modal submits
     * answer with a default message (type 0, unverified).
     */
    public static void interactionResponse(ObjectNode m, long interactionId, Answered to, SimUser user,
            long guildId, long originalId) {
        boolean command = to.interactionType() == 2;
        m.put("type", command ? (to.commandType() == 1 ? 20 : 23) : 0);
        ObjectNode meta = m.putObject("interaction_metadata");
        meta.put("id", Json.id(interactionId));
        meta.put("type", to.interactionType());
        meta.set("user", UserPayloads.user(user));
        meta.putObject("authorizing_integration_owners").put("0", Json.id(guildId));
        if (command) {
            meta.put("name", to.name());
            meta.put("command_type", to.commandType());
        }
        if (to.interactedMessageId() != 0 && to.interactionType() == 3) {
            meta.put("interacted_message_id", Json.id(to.interactedMessageId()));
        }
        if (originalId != 0) {
            meta.put("original_response_message_id", Json.id(originalId));
        }
        if (command) {
            ObjectNode legacy = m.putObject("interaction");
            legacy.put("id", Json.id(interactionId));
            legacy.put("type", 2);
            legacy.put("name", to.name());
            legacy.set("user", UserPayloads.user(user));
        }
    }

    /** The interaction a message answers: its type, command type (0 unless a command), name, component's message. */
    public record Answered(int interactionType, int commandType, String name, long interactedMessageId) {}

    /** What an INTERACTION_CREATE needs beyond ids: the command name, its options and the permissions to report. */
    public record Command(long commandId, String name, JsonNode options, long memberPermissions,
            long appPermissions) {}

    /** An INTERACTION_CREATE {@code d} for a slash command (type 2) run in a guild channel, without resolved data. */
    public static ObjectNode interaction(long id, long applicationId, String token, long guildId, ObjectNode channel,
            SimMember member, Population population, Command command) {
        ObjectNode data = Json.obj();
        data.put("type", 1);
        data.put("name", command.name());
        data.put("id", Json.id(command.commandId()));
        if (command.options() != null && !command.options().isEmpty()) {
            data.set("options", command.options());
        }
        return InteractionPayloads.create(2, id, applicationId, token, new InteractionPayloads.Where(guildId, channel,
                member, command.memberPermissions(), command.appPermissions()), population, data, null);
    }
}
