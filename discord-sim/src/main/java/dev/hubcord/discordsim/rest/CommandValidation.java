package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Discord's checks on an application command body, answered as its 400/50035 bodies with the error under the
 * field's path ({@code errors.name._errors}, or {@code errors.0.name._errors} for the first command of a bulk
 * overwrite). Error codes for name and length follow Discord's; the ones Discord does not document are marked.
 */
final class CommandValidation {

    /** Discord's documented name pattern for every command and option name. */
    static final Pattern NAME = Pattern.compile("^[-_'\\p{L}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}$");
    static final int MAX_OPTIONS = 25;

    private CommandValidation() {}

    /** The command's type (1 chat input when absent), or -1 when it is not 1, 2 or 3. */
    static int type(JsonNode body) {
        JsonNode t = body.path("type");
        if (t.isMissingNode() || t.isNull()) {
            return 1;
        }
        return t.isInt() && t.asInt() >= 1 && t.asInt() <= 3 ? t.asInt() : -1;
    }

    /** The first problem with {@code body} as a 400/50035 response, {@code prefix} the path of the command; or null. */
    static RestExchange.Response check(JsonNode body, List<String> prefix) {
        int type = type(body);
        if (type < 0) {
            return invalid(prefix, "type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}.");
        }
        String problem = nameProblem(body.path("name"), type == 1);
        if (problem != null) {
            return invalid(prefix, "name", problem.startsWith("BASE") ? "BASE_TYPE_BAD_LENGTH"
                    : "APPLICATION_COMMAND_INVALID_NAME", problem.startsWith("BASE")
                    ? "Must be between 1 and 32 in length." : "Command name is invalid");
        }
        String description = body.path("description").asText("");
        if (type == 1 && (description.isEmpty() || description.length() > 100)) {
            return invalid(prefix, "description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }
        if (type != 1 && !description.isEmpty()) {
            // Discord's code for this case is undocumented; the message is what it says
            return invalid(prefix, "description", "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION",
                    "Context menu commands cannot have description");
        }
        JsonNode options = body.path("options");
        if (!options.isMissingNode() && !options.isNull()) {
            if (!options.isArray()) {
                return invalid(prefix, "options", "BASE_TYPE_ARRAY", "Must be an array.");
            }
            if (type != 1 && !options.isEmpty()) {
                return invalid(prefix, "options", "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                        "Context menu commands cannot have options");
            }
            return checkOptions(options, append(prefix, "options"));
        }
        return null;
    }

    /** Options at one level: count, names, descriptions, uniqueness, required before optional; then nested ones. */
    private static RestExchange.Response checkOptions(JsonNode options, List<String> at) {
        if (options.size() > MAX_OPTIONS) {
            return invalid(at, null, "BASE_TYPE_MAX_LENGTH", "Must be " + MAX_OPTIONS + " or fewer in length.");
        }
        Set<String> names = new HashSet<>();
        boolean optionalSeen = false;
        for (int i = 0; i < options.size(); i++) {
            JsonNode o = options.get(i);
            List<String> here = append(at, Integer.toString(i));
            if (nameProblem(o.path("name"), true) != null) {
                return invalid(here, "name", "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
            }
            String d = o.path("description").asText("");
            if (d.isEmpty() || d.length() > 100) {
                return invalid(here, "description", "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }
            if (!names.add(o.path("name").asText())) {
                return invalid(at, null, "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                        "Option names must be unique");
            }
            int optionType = o.path("type").asInt(0);
            if (optionType < 1 || optionType > 11) {
                return invalid(here, "type", "BASE_TYPE_CHOICES", "Value must be one of {1, 2, ..., 11}.");
            }
            boolean required = o.path("required").asBoolean(false);
            if (optionType > 2 && required && optionalSeen) {
                return invalid(at, null, "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                        "Required options must be placed before non-required options");
            }
            optionalSeen |= optionType > 2 && !required;
            if (optionType <= 2 && o.path("options").isArray()) { // sub-command (group): its own options
                RestExchange.Response nested = checkOptions(o.path("options"), append(here, "options"));
                if (nested != null) {
                    return nested;
                }
            }
        }
        return null;
    }

    /** Null when the name is fine; a text starting with BASE for a bad length, anything else for a bad name. */
    private static String nameProblem(JsonNode name, boolean lowercase) {
        if (!name.isTextual() || name.asText().isEmpty() || name.asText().codePointCount(0,
                name.asText().length()) > 32) {
            return "BASE length";
        }
        String n = name.asText();
        if (lowercase && (!NAME.matcher(n).matches() || !n.equals(n.toLowerCase(Locale.ROOT)))) {
            return "invalid";
        }
        // user and message commands may have spaces and capitals (Discord: "1-32 characters")
        return null;
    }

    /** A 400/50035 body with one error at {@code prefix + field}. */
    static RestExchange.Response invalid(List<String> prefix, String field, String code, String message) {
        ObjectNode b = Json.obj();
        b.put("message", "Invalid Form Body");
        b.put("code", 50035);
        ObjectNode node = b.putObject("errors");
        for (String key : field == null ? prefix : append(prefix, field)) {
            node = node.putObject(key);
        }
        ObjectNode err = node.putArray("_errors").addObject();
        err.put("code", code);
        err.put("message", message);
        return RestExchange.Response.json(400, b);
    }

    private static List<String> append(List<String> list, String item) {
        return java.util.stream.Stream.concat(list.stream(), java.util.stream.Stream.of(item)).toList();
    }
}
