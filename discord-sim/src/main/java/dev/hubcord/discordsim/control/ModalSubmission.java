package dev.hubcord.discordsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.json.Json;
import dev.hubcord.discordsim.rest.Components;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * A modal submit's {@code data.components}, nested as Discord nests them: an action row
 * {@code {type 1, id, components [{type 4, id, custom_id, value}]}} per text input in a row, a label
 * {@code {type 18, id, component {type 4, id, custom_id, value}}} (or a string select's {@code values}), and a text
 * display as {@code {type 10, id}}. What the user's client enforces is checked (400): required inputs filled
 * (required by default), {@code min_length}/{@code max_length}, select values among the options and their count.
 */
final class ModalSubmission {

    private ModalSubmission() {}

    static ArrayNode components(ObjectNode modal, Map<String, JsonNode> values) {
        Set<String> used = new HashSet<>();
        ArrayNode out = Json.arr();
        for (JsonNode c : modal.path("components")) {
            ObjectNode o = out.addObject();
            int type = c.path("type").asInt();
            o.put("type", type);
            o.set("id", c.path("id"));
            if (type == Components.ACTION_ROW) {
                o.putArray("components").add(field(c.path("components").get(0), values, used));
            } else if (type == Components.LABEL) {
                o.set("component", field(c.path("component"), values, used));
            }
        }
        for (String key : values.keySet()) {
            if (!used.contains(key)) {
                throw bad("the modal has no input with custom_id " + key);
            }
        }
        return out;
    }

    private static ObjectNode field(JsonNode input, Map<String, JsonNode> values, Set<String> used) {
        String customId = input.path("custom_id").asText();
        used.add(customId);
        JsonNode given = values.get(customId);
        boolean required = input.path("required").asBoolean(true);
        ObjectNode f = Json.obj();
        f.put("type", input.path("type").asInt());
        f.set("id", input.path("id"));
        f.put("custom_id", customId);
        if (input.path("type").asInt() == Components.STRING_SELECT) {
            ArrayNode chosen = f.putArray("values");
            Set<String> allowed = new HashSet<>();
            input.path("options").forEach(o -> allowed.add(o.path("value").asText()));
            if (given != null) {
                for (JsonNode v : given.isArray() ? given : Json.arr().add(given)) {
                    if (!allowed.contains(v.asText())) {
                        throw bad("select " + customId + " has no option with value " + v.asText());
                    }
                    chosen.add(v.asText());
                }
            }
            int min = input.path("min_values").asInt(required ? 1 : 0);
            int max = input.path("max_values").asInt(1);
            if (chosen.size() < min || chosen.size() > max) {
                throw bad("select " + customId + " takes " + min + " to " + max + " values, got " + chosen.size());
            }
            return f;
        }
        String value = given != null ? given.asText() : input.path("value").asText("");
        if (required && value.isEmpty()) {
            throw bad("text input " + customId + " is required");
        }
        if (!value.isEmpty() && (value.length() < input.path("min_length").asInt(0)
                || value.length() > input.path("max_length").asInt(4000))) {
            throw bad("text input " + customId + " takes " + input.path("min_length").asInt(0) + " to "
                    + input.path("max_length").asInt(4000) + " characters");
        }
        f.put("value", value);
        return f;
    }

    private static SimException bad(String message) {
        return new SimException(SimException.Kind.BAD_REQUEST, message);
    }
}
