package dev.hubcord.commands.api;

import java.util.List;

/**
 * Suggests values for one option while the user types ({@link Argument#autocomplete}). Runs on the worker's
 * autocomplete lane, which never waits behind running commands: Discord drops a suggestion that comes after 3 s, so
 * keep it quick (a lookup in memory or the hub's cache). More than 25 choices are cut to 25; an exception answers
 * with no choices and is logged.
 */
@FunctionalInterface
public interface AutocompleteHandler {

    List<Choice> complete(AutocompleteContext ctx) throws Exception;
}
