package dev.hubcord.commands.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.client.HubClient;
import java.util.Map;
import java.util.Optional;

/**
 * What an {@link AutocompleteHandler} sees: the focused option and what the user typed in it, typed as the option
 * is ({@code String} for string options, {@code Long} for integers, {@code Double} for numbers; Discord sends a
 * partly typed number as a string, which {@link #focusedText()} always gives), and the other options as sent.
 *
 * @param subcommand {@code "sub"} or {@code "group sub"}, or null
 * @param others the other options' values by name, as Discord sent them (partly typed, unvalidated)
 * @param hubClient the worker's hub connection (requests to other services, e.g. an audio worker's search), or
 *     null outside a running worker
 */
public record AutocompleteContext(String command, String subcommand, String focusedName, Object focusedValue,
        Map<String, JsonNode> others, String userId, String guildId, String channelId, String locale, HubClient hubClient) {

    /** Without a hub connection (tests of a handler alone). */
    public AutocompleteContext(String command, String subcommand, String focusedName, Object focusedValue,
            Map<String, JsonNode> others, String userId, String guildId, String channelId, String locale) {
        this(command, subcommand, focusedName, focusedValue, others, userId, guildId, channelId, locale, null);
    }

    /** The focused value as text ({@code ""} when empty). */
    public String focusedText() {
        return focusedValue == null ? "" : focusedValue.toString();
    }

    public Optional<JsonNode> other(String name) {
        return Optional.ofNullable(others.get(name));
    }
}
