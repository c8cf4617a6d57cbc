package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.FormError.at;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Discord's checks on a chat-input command's options, level by level: at most 25, names and descriptions (with
 * localizations), unique names, types 1-11, required before optional, subcommands and groups never mixed with
 * other options (a group holds subcommands only, a subcommand no subcommands), and per type: choices (string,
 * integer, number; at most 25, value of the option's type, not with autocomplete), {@code min_value} /
 * {@code max_value} (integer, number; min ≤ max), {@code min_length} / {@code max_length} (string; 0-6000, 1-6000),
 * {@code channel_types} (channel options; known channel types), {@code autocomplete} (string, integer, number).
 * Codes Discord does not document are the simulator's own and say so in the README.
 */
final class OptionValidation {

    private static final int SUB_COMMAND = 1;
    private static final int GROUP = 2;
    private static final int STRING = 3;
    private static final int INTEGER = 4;
    private static final int CHANNEL = 7;
    private static final int NUMBER = 10;
    private static final Set<Integer> CHANNEL_TYPES = Set.of(0, 1, 2, 3, 4, 5, 10, 11, 12, 13, 14, 15, 16);
    private static final double MAX_NUMBER = 9_007_199_254_740_992d; // 2^53, Discord's bound

    private OptionValidation() {}

    /** Options at one level; {@code parent} 0 for the command, else the enclosing subcommand or group's type. */
    static void check(JsonNode options, List<String> at, int parent) {
        if (options.size() > CommandValidation.MAX_OPTIONS) {
            throw new FormError(at, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }
        Set<String> names = new HashSet<>();
        boolean optionalSeen = false;
        boolean subSeen = false;
        boolean valueSeen = false;
        for (int i = 0; i < options.size(); i++) {
            JsonNode o = options.get(i);
            List<String> here = at(at, i);
            CommandValidation.nameAndDescription(o, here, true);
            if (!names.add(o.path("name").asText())) {
                throw new FormError(at, "APPLICATION_COMMAND_OPTIONS_NAME_ALREADY_EXISTS",
                        "Option names must be unique");
            }
            int type = o.path("type").asInt(0);
            if (type < 1 || type > 11) {
                throw new FormError(at(here, "type"), "BASE_TYPE_CHOICES", "Value must be one of {1, 2, ..., 11}.");
            }
            boolean sub = type == SUB_COMMAND || type == GROUP;
            subSeen |= sub;
            valueSeen |= !sub;
            if ((subSeen && valueSeen) || (parent == GROUP && type != SUB_COMMAND) || (parent == SUB_COMMAND && sub)) {
                throw new FormError(at(here, "type"), "APPLICATION_COMMAND_OPTIONS_TYPE_INVALID",
                        "Sub-command and sub-command group option types are mutually exclusive to all other types");
            }
            boolean required = o.path("required").asBoolean(false);
            if (!sub && required && optionalSeen) {
                throw new FormError(at, "APPLICATION_COMMAND_OPTIONS_REQUIRED_INVALID",
                        "Required options must be placed before non-required options");
            }
            optionalSeen |= !sub && !required;
            if (sub) {
                JsonNode nested = o.path("options");
                if (!nested.isMissingNode() && !nested.isNull()) {
                    check(nested, at(here, "options"), type);
                }
            } else {
                typed(o, here, type);
            }
        }
    }

    /** The checks that depend on a value option's type. */
    private static void typed(JsonNode o, List<String> here, int type) {
        boolean numeric = type == INTEGER || type == NUMBER;
        JsonNode choices = o.path("choices");
        boolean hasChoices = choices.isArray() && !choices.isEmpty();
        if (o.path("autocomplete").asBoolean(false)) {
            if (type != STRING && !numeric) {
                throw new FormError(at(here, "autocomplete"), "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_INVALID",
                        "Autocomplete is only available for string, integer and number options");
            }
            if (hasChoices) {
                throw new FormError(at(here, "autocomplete"), "APPLICATION_COMMAND_OPTION_AUTOCOMPLETE_CHOICES",
                        "Autocomplete cannot be used with choices");
            }
        }
        if (hasChoices) {
            if (type != STRING && !numeric) {
                throw new FormError(at(here, "choices"), "APPLICATION_COMMAND_OPTION_CHOICES_INVALID",
                        "Choices are only available for string, integer and number options");
            }
            choices(choices, at(here, "choices"), type);
        }
        JsonNode min = o.path("min_value");
        JsonNode max = o.path("max_value");
        if (present(min) || present(max)) {
            if (!numeric) {
                throw new FormError(at(here, present(min) ? "min_value" : "max_value"),
                        "APPLICATION_COMMAND_OPTION_MIN_MAX_INVALID",
                        "min_value and max_value are only available for integer and number options");
            }
            for (JsonNode bound : List.of(min, max)) {
                if (present(bound) && (!bound.isNumber() || Math.abs(bound.asDouble()) > MAX_NUMBER)) {
                    throw new FormError(at(here, bound == min ? "min_value" : "max_value"), "NUMBER_TYPE_MAX",
                            "Value should be a number between -2^53 and 2^53.");
                }
            }
            if (present(min) && present(max) && min.asDouble() > max.asDouble()) {
                throw new FormError(at(here, "max_value"), "NUMBER_TYPE_MIN",
                        "max_value must be greater than or equal to min_value.");
            }
        }
        JsonNode minLength = o.path("min_length");
        JsonNode maxLength = o.path("max_length");
        if (present(minLength) || present(maxLength)) {
            if (type != STRING) {
                throw new FormError(at(here, present(minLength) ? "min_length" : "max_length"),
                        "APPLICATION_COMMAND_OPTION_LENGTH_INVALID",
                        "min_length and max_length are only available for string options");
            }
            if (present(minLength) && (minLength.asInt(-1) < 0 || minLength.asInt() > 6000)) {
                throw new FormError(at(here, "min_length"), "NUMBER_TYPE_MAX",
                        "int value should be between 0 and 6000.");
            }
            if (present(maxLength) && (maxLength.asInt(-1) < 1 || maxLength.asInt() > 6000
                    || maxLength.asInt() < minLength.asInt(0))) {
                throw new FormError(at(here, "max_length"), "NUMBER_TYPE_MAX",
                        "int value should be between 1 and 6000.");
            }
        }
        JsonNode channelTypes = o.path("channel_types");
        if (present(channelTypes)) {
            if (type != CHANNEL) {
                throw new FormError(at(here, "channel_types"), "APPLICATION_COMMAND_OPTION_CHANNEL_TYPES_INVALID",
                        "channel_types is only available for channel options");
            }
            for (int i = 0; i < channelTypes.size(); i++) {
                if (!CHANNEL_TYPES.contains(channelTypes.get(i).asInt(-1))) {
                    throw new FormError(at(here, "channel_types", i), "BASE_TYPE_CHOICES",
                            "Value must be one of " + new java.util.TreeSet<>(CHANNEL_TYPES) + ".");
                }
            }
        }
    }

    private static void choices(JsonNode choices, List<String> at, int type) {
        if (choices.size() > 25) {
            throw new FormError(at, "BASE_TYPE_MAX_LENGTH", "Must be 25 or fewer in length.");
        }
        for (int i = 0; i < choices.size(); i++) {
            JsonNode c = choices.get(i);
            String name = c.path("name").asText("");
            if (!c.path("name").isTextual() || name.isEmpty() || name.length() > 100) {
                throw new FormError(at(at, i, "name"), "BASE_TYPE_BAD_LENGTH", "Must be between 1 and 100 in length.");
            }
            CommandValidation.localizations(c.path("name_localizations"), at(at, i, "name_localizations"), false);
            JsonNode v = c.path("value");
            boolean ok = switch (type) {
                case STRING -> v.isTextual() && !v.asText().isEmpty() && v.asText().length() <= 100;
                case INTEGER -> v.isIntegralNumber();
                default -> v.isNumber();
            };
            if (!ok) {
                throw new FormError(at(at, i, "value"), type == STRING ? "BASE_TYPE_BAD_LENGTH"
                        : "NUMBER_TYPE_COERCE", type == STRING ? "Must be between 1 and 100 in length."
                        : "Value \"" + v.asText() + "\" is not " + (type == INTEGER ? "int" : "a number") + ".");
            }
        }
    }

    private static boolean present(JsonNode n) {
        return !n.isMissingNode() && !n.isNull();
    }
}
