/**
 * The example bot of {@code docs/commands.md}: a {@link dev.hubcord.commands.api.CommandModule} in a jar of its
 * own that the commands worker loads from {@code COMMANDS_PLUGINS_DIR} (or its classpath). It shows one of each:
 * subcommands ({@link CalcCommand}), choices and a select menu ({@link CoffeeCommand}), autocomplete
 * ({@link ColorCommand}), a button whose state lives in its custom ID ({@link CounterCommand}), a modal whose submit
 * posts an embed ({@link FeedbackCommand}), an embed checked against Discord's limits ({@link AnnounceCommand}), a
 * user context menu ({@link HighFiveCommand}) and an event listener ({@link WelcomeListener}).
 *
 * <p>Nothing is kept between a message and a click on it: any worker may handle the click, so whatever a handler
 * needs travels in the custom ID.
 */
package dev.hubcord.example;
