/**
 * Running commands: the hub listener that takes EXECUTE_COMMAND events, skips those already done and runs the
 * rest each on a virtual thread, acknowledging (op 7) only when the command has finished; the registry filled by
 * {@link java.util.ServiceLoader}; the checks (cooldown, guild, invoker and bot permissions through the hub's
 * computed permissions); and the responders that answer a message or an interaction within Discord's window.
 */
package dev.hubcord.commands.exec;
