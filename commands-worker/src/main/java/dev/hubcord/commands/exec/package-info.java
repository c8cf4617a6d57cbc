/**
 * Running commands: the hub listener that takes EXECUTE_COMMAND events, skips those already done and runs the
 * rest each on a virtual thread, acknowledging (op 7) only when the command has finished; application commands go to
 * the {@link dev.hubcord.commands.exec.CommandRunner}, components and modal submits to the component runner (routed by
 * custom ID), autocomplete to its own lane; the registry filled by {@link java.util.ServiceLoader} (and the plugins
 * directory); the checks (cooldown, guild, invoker and bot permissions through the hub's computed permissions); and
 * the responders that answer a message or an interaction within Discord's window, with the callback types Discord
 * accepts for each interaction type.
 */
package dev.hubcord.commands.exec;
