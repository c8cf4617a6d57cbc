package dev.hubcord.discordsim.control;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.json.Json;
import java.util.List;

/** The option tree of an autocomplete interaction: where the focused option sits and what type it has. */
final class Autocomplete {

    private static final int STRING = 3;

    private Autocomplete() {}

    /**
     * The focused option's type from the registered command (string when unregistered). 400 when the registered
     * command has no such subcommand path or option, or the option has no {@code autocomplete: true}.
     */
    static int focusedType(ObjectNode command, List<String> path, String option) {
        if (command == null) {
            return STRING;
        }
        JsonNode options = command.path("options");
        for (String step : path) {
            options = named(options, step, command).path("options");
        }
        JsonNode o = named(options, option, command);
        if (!o.path("autocomplete").asBoolean(false)) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "option " + option + " of command "
                    + command.path("name").asText() + " has no autocomplete");
        }
        return o.path("type").asInt(STRING);
    }

    private static JsonNode named(JsonNode options, String name, ObjectNode command) {
        for (JsonNode o : options) {
            if (o.path("name").asText().equals(name)) {
                return o;
            }
        }
        throw new SimException(SimException.Kind.BAD_REQUEST, "command " + command.path("name").asText()
                + " has no option " + name);
    }

    /**
     * {@code leaf} below the path: a group (type 2) holding a subcommand (type 1) for two steps, a subcommand for
     * one, the leaf itself for none.
     */
    static ArrayNode nest(List<String> path, ArrayNode leaf) {
        if (path.size() > 2) {
            throw new SimException(SimException.Kind.BAD_REQUEST, "path: at most a group and a subcommand");
        }
        ArrayNode current = leaf;
        for (int i = path.size() - 1; i >= 0; i--) {
            ArrayNode outer = Json.arr();
            ObjectNode step = outer.addObject();
            step.put("type", i == path.size() - 1 ? 1 : 2);
            step.put("name", path.get(i));
            step.set("options", current);
            current = outer;
        }
        return current;
    }
}
