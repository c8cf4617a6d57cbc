/**
 * The commands worker process: {@link dev.hubcord.commands.CommandsMain} reads the settings and starts a
 * {@link dev.hubcord.commands.CommandsWorker}, which connects to the hub as {@code commands} and runs each
 * EXECUTE_COMMAND on a virtual thread, acknowledging it only once the command has finished.
 */
package dev.hubcord.commands;
