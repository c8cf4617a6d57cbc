/**
 * Registration of the declared application commands with Discord at start-up: the JSON Discord expects
 * ({@link dev.hubcord.commands.registration.CommandJson}), a semantic diff against what is registered that ignores
 * what Discord fills in ({@link dev.hubcord.commands.registration.CommandDiff}), and the sync itself
 * ({@link dev.hubcord.commands.registration.RegistrationSync}), done by the one worker that holds the hub lease
 * {@code commands-registration}.
 */
package dev.hubcord.commands.registration;
