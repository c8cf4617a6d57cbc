package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.FormError.at;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Discord's checks on an application command body, answered as its 400/50035 bodies with the error under the
 * field's path ({@code errors.name._errors}, or {@code errors.0.name._errors} for the first command of a bulk
 * overwrite). Command level here (type, name, description, localizations, context menus without description and
 * options); options in {@link OptionValidation}.
 */
final class CommandValidation {

    /** Discord's documented name pattern for every command and option name. */
    static final Pattern NAME = Pattern.compile("^[-_'\\p{L}\\p{N}\\p{IsDevanagari}\\p{IsThai}]{1,32}$");
    static final int MAX_OPTIONS = 25;
    /** Discord's locales, the only keys {@code name_localizations} and {@code description_localizations} take. */
    static final Set<String> LOCALES = Set.of("id", "da", "de", "en-GB", "en-US", "es-ES", "es-419", "fr", "hr",
            "it", "lt", "hu", "nl", "no", "pl", "pt-BR", "ro", "fi", "sv-SE", "vi", "tr", "cs", "el", "bg", "ru", "uk",
            "hi", "th", "zh-CN", "ja", "zh-TW", "ko");

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
        try {
            validate(body, prefix);
            return null;
        } catch (FormError e) {
            return e.response();
        }
    }

    private static void validate(JsonNode body, List<String> prefix) {
        int type = type(body);
        if (type < 0) {
            throw new FormError(at(prefix, "type"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, 3}.");
        }
        if (type == 1) {
            nameAndDescription(body, prefix, true);
        } else {
            name(body.path("name"), at(prefix, "name"), false);
            localizations(body.path("name_localizations"), at(prefix, "name_localizations"), false);
            if (!body.path("description").asText("").isEmpty()) {
                // Discord's code for this case is undocumented; the message is what it says
                throw new FormError(at(prefix, "description"), "APPLICATION_COMMAND_CONTEXT_MENU_DESCRIPTION",
                        "Context menu commands cannot have description");
            }
        }
        JsonNode options = body.path("options");
        if (!options.isMissingNode() && !options.isNull()) {
            if (!options.isArray()) {
                throw new FormError(at(prefix, "options"), "BASE_TYPE_ARRAY", "Must be an array.");
            }
            if (type != 1 && !options.isEmpty()) {
                throw new FormError(at(prefix, "options"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                        "Context menu commands cannot have options");
            }
            OptionValidation.check(options, at(prefix, "options"), 0);
        }
    }

    /** A chat-input name (lowercase pattern) and a description of 1-100, with their localizations. */
    static void nameAndDescription(JsonNode o, List<String> at, boolean lowercase) {
        name(o.path("name"), at(at, "name"), lowercase);
        localizations(o.path("name_localizations"), at(at, "name_localizations"), lowercase);
        String d = o.path("description").asText("");
        if (d.isEmpty() || d.length() > 100) {
            throw new FormError(at(at, "description"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
        }
        JsonNode descriptions = o.path("description_localizations");
        if (descriptions.isObject()) {
            descriptions.properties().forEach(e -> {
                locale(e.getKey(), at(at, "description_localizations"));
                int n = e.getValue().asText("").length();
                if (n < 1 || n > 100) {
                    throw new FormError(at(at, "description_localizations", e.getKey()), "BASE_TYPE_BAD_LENGTH",
                            "Must be between 1 and 100 in length.");
                }
            });
        }
    }

    /**
     * Localized names: every key one of Discord's locales; every value a chat-input name when
     * {@code chatInputName}, else (context menu and choice names) any non-empty text.
     */
    static void localizations(JsonNode map, List<String> at, boolean chatInputName) {
        if (!map.isObject()) {
            return;
        }
        map.properties().forEach(e -> {
            locale(e.getKey(), at);
            if (chatInputName) {
                name(e.getValue(), at(at, e.getKey()), true);
            } else if (e.getValue().asText("").isEmpty()) {
                throw new FormError(at(at, e.getKey()), "BASE_TYPE_REQUIRED", "This field is required");
            }
        });
    }

    private static void locale(String key, List<String> at) {
        if (!LOCALES.contains(key)) {
            throw new FormError(at(at, key), "LOCALE_INVALID", "Invalid locale: " + key);
        }
    }

    /** 1-32 characters; chat-input names also Discord's pattern, lowercase. */
    private static void name(JsonNode name, List<String> at, boolean lowercase) {
        String n = name.isTextual() ? name.asText() : "";
        if (n.isEmpty() || n.codePointCount(0, n.length()) > 32) {
            throw new FormError(at, "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 32 in length.");
        }
        // user and message commands may have spaces and capitals (Discord: "1-32 characters")
        if (lowercase && (!NAME.matcher(n).matches() || !n.equals(n.toLowerCase(Locale.ROOT)))) {
            throw new FormError(at, "APPLICATION_COMMAND_INVALID_NAME", "Command name is invalid");
        }
    }

    /** A 400/50035 body with one error at {@code prefix + field}. */
    static RestExchange.Response invalid(List<String> prefix, String field, String code, String message) {
        ObjectNode b = Json.obj();
        b.put("message", "Invalid Form Body");
        b.put("code", 50035);
        ObjectNode node = b.putObject("errors");
        for (String key : field == null ? prefix : at(prefix, field)) {
            node = node.putObject(key);
        }
        ObjectNode err = node.putArray("_errors").addObject();
        err.put("code", code);
        err.put("message", message);
        return RestExchange.Response.json(400, b);
    }
}
