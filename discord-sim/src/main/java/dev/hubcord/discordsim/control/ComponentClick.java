package dev.hubcord.discordsim.control;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.rest.Components;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code data} of a component interaction, after checking what a user's client would not allow: the component
 * exists on the message (404), is not disabled and is not a link or premium button (400), and a select gets between
 * {@code min_values} and {@code max_values} values (default 1 and 1) that are its options' values (string select)
 * or IDs of the population (user, role, mentionable, channel selects; resolved into {@code data.resolved}).
 */
final class ComponentClick {

    private ComponentClick() {}

    static ObjectNode data(ObjectNode message, String customId, List<String> values, Resolver resolver,
            SimChannel channel) {
        ObjectNode c = Components.find(message.path("components"), customId).orElseThrow(() -> new SimException(
                SimException.Kind.NOT_FOUND, "message " + message.path("id").asText()
                        + " has no component with custom_id " + customId));
        int type = c.path("type").asInt();
        if (c.path("disabled").asBoolean(false)) {
            throw bad("component " + customId + " is disabled");
        }
        ObjectNode data = Json.obj();
        data.put("custom_id", customId);
        data.put("component_type", type);
        if (type == Components.BUTTON) {
            if (values != null && !values.isEmpty()) {
                throw bad("a button takes no values");
            }
            return data;
        }
        if (!Components.isSelect(type)) {
            throw bad("component " + customId + " (type " + type + ") cannot be used");
        }
        List<String> chosen = values == null ? List.of() : values;
        int min = c.path("min_values").asInt(1);
        int max = c.path("max_values").asInt(1);
        if (chosen.size() < min || chosen.size() > max) {
            throw bad("select " + customId + " takes " + min + " to " + max + " values, got " + chosen.size());
        }
        ArrayNode out = data.putArray("values");
        Set<String> allowed = new HashSet<>();
        c.path("options").forEach(o -> allowed.add(o.path("value").asText()));
        for (String v : chosen) {
            if (type == Components.STRING_SELECT) {
                if (!allowed.contains(v)) {
                    throw bad("select " + customId + " has no option with value " + v);
                }
                out.add(v);
                continue;
            }
            long id = Json.snowflake(com.fasterxml.jackson.databind.node.TextNode.valueOf(v));
            if (id < 0) {
                throw bad("select " + customId + " takes snowflakes, got " + v);
            }
            switch (type) {
                case Components.USER_SELECT -> resolver.user(id, channel);
                case Components.ROLE_SELECT -> resolver.role(id);
                case Components.MENTIONABLE_SELECT -> resolver.mentionable(id, channel);
                default -> resolver.channel(id);
            }
            out.add(Json.id(id));
        }
        ObjectNode resolved = resolver.build();
        if (type != Components.STRING_SELECT) {
            data.set("resolved", resolved == null ? Json.obj() : resolved);
        }
        return data;
    }

    private static SimException bad(String message) {
        return new SimException(SimException.Kind.BAD_REQUEST, message);
    }
}
