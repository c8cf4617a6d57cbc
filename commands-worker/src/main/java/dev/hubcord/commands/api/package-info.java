/**
 * The command framework's public API, what a command jar compiles against: a
 * {@link dev.hubcord.commands.api.Command} declares a {@link dev.hubcord.commands.api.CommandSpec} (name, aliases,
 * description, usage, invoker and bot {@link dev.hubcord.commands.api.Permission}s, cooldown, typed
 * {@link dev.hubcord.commands.api.Argument}s) and runs with a {@link dev.hubcord.commands.api.CommandContext}.
 * Commands are found with {@link java.util.ServiceLoader}: list the class in
 * {@code META-INF/services/dev.hubcord.commands.api.Command} and put the jar on the worker's classpath.
 */
package dev.hubcord.commands.api;
