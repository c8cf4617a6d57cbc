package dev.hubcord.commands.parse;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.Choice;
import dev.hubcord.commands.api.OptionType;
import dev.hubcord.commands.api.UsageException;
import java.util.stream.Collectors;

/**
 * Checks of option values from an interaction payload before they are converted: the option's {@code type} must be
 * the declared one and the value's JSON kind must fit it (Discord guarantees both for a registered command, so a
 * mismatch means the registration is stale or the payload was not Discord's); and values with choices must be one.
 */
final class OptionValues {

    private OptionValues() {
    }

    static void check(Argument<?> argument, JsonNode declaredType, JsonNode value) {
        OptionType expected = argument.type().optionType();
        if (declaredType.isInt() && declaredType.asInt() != expected.code()) {
            throw new UsageException("`" + argument.name() + "` came as option type " + declaredType.asInt()
                    + ", but it is declared as " + expected.name().toLowerCase() + " (" + expected.code()
                    + "); the registered command may be out of date.");
        }
        boolean fits = switch (expected) {
            case INTEGER -> value.isIntegralNumber();
            case NUMBER -> value.isNumber();
            case BOOLEAN -> value.isBoolean();
            case STRING -> value.isTextual();
            case USER, CHANNEL, ROLE, MENTIONABLE, ATTACHMENT -> value.isTextual() && value.asText().matches("\\d{1,20}");
            case SUB_COMMAND, SUB_COMMAND_GROUP -> false;
        };
        if (!fits) {
            throw new UsageException("`" + argument.name() + "`: `" + value + "` is not a valid "
                    + expected.name().toLowerCase() + " value.");
        }
    }

    static void checkChoice(Argument<?> argument, Object value) {
        if (argument.choices().isEmpty()) {
            return;
        }
        for (Choice c : argument.choices()) {
            if (c.value().equals(value)) {
                return;
            }
        }
        throw new UsageException("Choose one of: " + argument.choices().stream().map(c -> "`" + c.value() + "`")
                .collect(Collectors.joining(", ")) + ".");
    }
}
