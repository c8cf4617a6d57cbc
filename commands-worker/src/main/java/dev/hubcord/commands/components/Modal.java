package dev.hubcord.commands.components;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import java.util.Arrays;
import java.util.List;

/**
 * A modal (interaction callback 9): a title and 1-5 text inputs, each in its own row. Its custom ID routes the submit
 * to a {@link ComponentHandler} like a button's does; the handler reads the inputs with
 * {@code ctx.textValue(inputCustomId)}.
 */
public record Modal(String customId, String title, List<Component.TextInput> inputs) {

    public Modal {
        inputs = List.copyOf(inputs);
        if (title == null || title.isEmpty() || title.length() > 45) {
            throw new IllegalArgumentException("a modal's title is 1-45 characters");
        }
        if (inputs.isEmpty() || inputs.size() > 5) {
            throw new IllegalArgumentException("a modal holds 1-5 text inputs");
        }
    }

    public static Modal of(CustomId id, String title, Component.TextInput... inputs) {
        return new Modal(id.encode(), title, Arrays.asList(inputs));
    }

    /** The callback's {@code data}. */
    public ObjectNode toJson() {
        ObjectNode o = Json.mapper().createObjectNode().put("custom_id", customId).put("title", title);
        ArrayNode rows = o.putArray("components");
        inputs.forEach(i -> rows.add(Component.ActionRow.of(i).toJson()));
        return o;
    }
}
