/**
 * The command framework's public API, what a bot author's jar compiles against: a
 * {@link dev.hubcord.commands.api.Command} declares a {@link dev.hubcord.commands.api.CommandSpec} (name, aliases,
 * description, invoker and bot {@link dev.hubcord.commands.api.Permission}s, cooldown, typed
 * {@link dev.hubcord.commands.api.Argument}s, and its {@link dev.hubcord.commands.api.Declaration}: slash command or
 * context menu, subcommands, localizations, default permissions) and runs with a
 * {@link dev.hubcord.commands.api.CommandContext}; one declaration serves the slash command and the prefix command.
 * A {@link dev.hubcord.commands.api.CommandModule} bundles commands, component handlers and event listeners. Both are
 * found with {@link java.util.ServiceLoader} ({@code META-INF/services/dev.hubcord.commands.api.Command} or
 * {@code ...CommandModule}) on the worker's classpath or in its plugins directory.
 */
package dev.hubcord.commands.api;
