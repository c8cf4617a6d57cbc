package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.gateway.Gateway;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.payload.MessagePayloads;
import dev.hubcord.discordsim.population.Population;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.population.SimUser;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** What route handlers share: the world, the gateway for side effects, interactions and identity. */
public record RestContext(Population population, Gateway gateway, Interactions interactions,
        Supplier<RestConfig> config, String token, long applicationId, Supplier<String> gatewayUrl) {

    /**
     * Creates a guild message and dispatches MESSAGE_CREATE to the guild's shard (unless {@code ephemeral}).
     * Mentions are taken from {@code <@id>} tokens in the text, as Discord parses them.
     */
    public ObjectNode postMessage(SimGuild guild, long channelId, SimUser author, MessagePayloads.Content content,
            long webhookId, boolean ephemeral) {
        SimMember member = webhookId != 0 ? null : guild.member(author.id()).orElse(null);
        ObjectNode message = MessagePayloads.message(population.newId(), channelId, guild.id(), author, member,
                content, mentions(content.text()), webhookId, applicationId);
        if (!ephemeral) {
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
