package dev.hubcord.commands.api;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@link AutocompleteHandler} sees: the focused option and what the user typed in it, typed as the option
 * is ({@code String} for string options, {@code Long} for integers, {@code Double} for numbers; Discord sends a
 * partly typed number as a string, which {@link #focusedText()} always gives), and the other options as sent.
 *
 * @param subcommand {@code "sub"} or {@code "group sub"}, or null
 * @param others the other options' values by name, as Discord sent them (partly typed, unvalidated)
 */
public record AutocompleteContext(String command, String subcommand, String focusedName, Object focusedValue,
        Map<String, JsonNode> others, String userId, String guildId, String channelId, String locale) {

    /** The focused value as text ({@code ""} when empty). */
    public String focusedText() {
        return focusedValue == null ? "" : focusedValue.toString();
    }

    public Optional<JsonNode> other(String name) {
        return Optional.ofNullable(others.get(name));
    }
}
