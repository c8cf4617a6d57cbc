package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.gateway.Gateway;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.GuildPayloads;
import dev.hubcord.discordsim.payload.MessagePayloads;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimUser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * What route handlers share: the world, the gateway for side effects, interactions and identity, and the uploaded
 * files' bytes.
 */
public record RestContext(Population population, Gateway gateway, Interactions interactions,
        SentMessages messages, Nonces nonces, Supplier<RestConfig> config, String token, long applicationId,
        Supplier<String> gatewayUrl, AttachmentStore attachments) {

    /** The simulator's HTTP root ({@code http://host:port}), where attachment URLs point. */
    public String httpBaseUrl() {
        String ws = gatewayUrl.get();
        String base = "http" + ws.substring(ws.indexOf(':'));
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    /**
     * Where a new message comes from, beyond its author: the kind recorded in {@link SentMessages}, the interaction
     * (0 for none), the {@code nonce} to echo (null for none), whether to enforce it, and the message it replies to
     * (null for none).
     */
    public record Origin(SentMessage.Kind kind, long interactionId, JsonNode nonce, boolean enforceNonce,
            String replyTo) {

        public static Origin of(SentMessage.Kind kind) {
            return new Origin(kind, 0, null, false, null);
        }

        public static Origin interaction(SentMessage.Kind kind, long interactionId) {
            return new Origin(kind, interactionId, null, false, null);
        }

        String nonceText() {
            return nonce == null || nonce.isNull() ? null : nonce.asText();
        }
    }

    /**
     * Creates a guild message, records it, and dispatches MESSAGE_CREATE to the guild's shard (unless
     * {@code ephemeral}). Mentions are taken from {@code <@id>} tokens in the text, as Discord parses them; a reply
     * is type 19 with a {@code message_reference} and the {@code referenced_message}; an interaction's answer is type
     * 20 with {@code interaction_metadata}; a nonce is echoed as given. With {@code enforceNonce}, a message
     * this author created in this channel with this nonce within the window is returned instead, and nothing is
     * created, recorded or dispatched.
     */
    public ObjectNode postMessage(SimGuild guild, long channelId, SimUser author, MessagePayloads.Content content,
            long webhookId, boolean ephemeral, Origin origin) {
        return nonces.createOnce(author.id(), channelId, origin.nonceText(), origin.enforceNonce(),
                () -> create(guild, channelId, author, content, webhookId, ephemeral, origin));
    }

    private ObjectNode create(SimGuild guild, long channelId, SimUser author, MessagePayloads.Content content,
            long webhookId, boolean ephemeral, Origin origin) {
        SimMember member = webhookId != 0 ? null : guild.member(author.id()).orElse(null);
        ObjectNode message = MessagePayloads.message(population.newId(), channelId, guild.id(), author, member,
                content, mentions(content.text()), webhookId, applicationId);
        // Discord's mentions carry the mentioned member's partial member object (no user), in guilds.
        for (var mention : message.path("mentions")) {
            guild.member(Long.parseUnsignedLong(mention.path("id").asText())).ifPresent(
                    m -> ((ObjectNode) mention).set("member", GuildPayloads.member(m, null)));
        }
        if (origin.nonce() != null && !origin.nonce().isNull()) {
            message.set("nonce", origin.nonce());
        }
        if (origin.replyTo() != null) {
            message.put("type", 19);
            ObjectNode ref = message.putObject("message_reference");
            ref.put("type", 0);
            ref.put("message_id", origin.replyTo());
            ref.put("channel_id", Long.toUnsignedString(channelId));
            ref.put("guild_id", Long.toUnsignedString(guild.id()));
            ObjectNode referenced = messages.message(Long.parseUnsignedLong(origin.replyTo())).orElse(null);
            if (referenced != null) {
                referenced.remove("referenced_message"); // Discord nests one level only
                message.set("referenced_message", referenced);
            } else {
                message.putNull("referenced_message");
            }
        }
        if (origin.interactionId() != 0) {
            interactions.byId(origin.interactionId()).ifPresent(s -> {
                ObjectNode original = s.original();
                long originalId = origin.kind() == SentMessage.Kind.FOLLOW_UP && original != null
                        ? Long.parseUnsignedLong(original.path("id").asText()) : 0;
                Interactions.Kind k = s.kind();
                MessagePayloads.interactionResponse(message, s.id(), new MessagePayloads.Answered(k.type(),
                        k.commandType(), k.name(), k.messageId()), population.user(s.userId()).orElse(author),
                        guild.id(), originalId);
            });
        }
        messages.created(origin.kind(), origin.interactionId(), message);
        if (!ephemeral) {
            guild.setLastMessageId(channelId, Long.parseUnsignedLong(message.path("id").asText()));
            gateway.dispatchToGuild(guild.id(), "MESSAGE_CREATE", message);
        }
        return message;
    }

    private List<SimUser> mentions(String text) {
        List<SimUser> users = new ArrayList<>();
        int i = text.indexOf("<@");
        while (i >= 0) {
            int end = text.indexOf('>', i);
            if (end < 0) {
                break;
            }
            String id = text.substring(i + 2, end).replace("!", "");
            try {
                population.user(Long.parseUnsignedLong(id)).ifPresent(users::add);
            } catch (NumberFormatException ignored) {
                // not a user mention (e.g. <@&role>); Discord ignores it here too
            }
            i = text.indexOf("<@", end);
        }
        return users;
    }

    /** Builds the context once the rate limiter (which owns the live config) exists. */
    @FunctionalInterface
    public interface Factory {
        RestContext create(Supplier<RestConfig> config);
    }

    /** Parses a JSON request body; null when it is not a JSON object. */
    static JsonNode body(RestExchange.Request request) {
        if (request.body() == null || request.body().isBlank()) {
            return Json.obj();
        }
        JsonNode node = Json.parseOrNull(request.body());
        return node != null && node.isObject() ? node : null;
    }
}
