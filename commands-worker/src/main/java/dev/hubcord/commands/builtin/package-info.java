/**
 * The built-in commands (help, ping, userinfo, serverinfo, ban, unban, kick, timeout), registered like any other
 * through {@code META-INF/services}, and the {@link dev.hubcord.commands.builtin.TimedBanLifter} that lifts timed
 * bans when they are due, also after a restart.
 */
package dev.hubcord.commands.builtin;
