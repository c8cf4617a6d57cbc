/**
 * The Discord endpoints the commands use ({@link dev.hubcord.commands.discord.DiscordApi}), over the process's one
 * {@code dev.hubcord.discordrest.DiscordRest} (module {@code discord-rest}: transport, multipart files, retries,
 * error kinds, and the rate limits coordinated by the hub for the deployment), and the message nonces that make a
 * repeated reply harmless.
 */
package dev.hubcord.commands.discord;
