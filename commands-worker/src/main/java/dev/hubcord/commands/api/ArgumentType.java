package dev.hubcord.commands.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * How one argument's text (prefix command) or option value (slash command) becomes a value. Built-in types are in
 * {@link ArgumentTypes}; a command may bring its own.
 *
 * @param <T> the value type
 */
public interface ArgumentType<T> {

    /** A short name for the usage line and errors, e.g. {@code user}, {@code duration}. */
    String label();

    /**
     * Parses the text of a prefix command argument.
     *
     * @throws UsageException when the text does not fit, with a message saying what was expected
     */
    T parse(String text, Resolver resolver);

    /**
     * Converts a slash-command option value ({@code value} of Discord's option object: a string, a number, a
     * boolean or an ID). The framework has already checked that the JSON kind fits {@link #optionType()}. By
     * default the value's text is parsed like a prefix argument, which also resolves IDs.
     */
    default T fromOption(JsonNode value, Resolver resolver) {
        return parse(value.asText(), resolver);
    }

    /** The Discord option type the argument is registered as (a string by default). */
    default OptionType optionType() {
        return OptionType.STRING;
    }

    /** Adds the type's constraints to the option's registration JSON: {@code min_value}, {@code channel_types}... */
    default void describe(ObjectNode option) {
    }
}
