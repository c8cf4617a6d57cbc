/**
 * The hub's Lavalink v4 API judged by Lavalink client libraries no one here wrote: {@link
 * dev.hubcord.lavalinktests.LavalinkClientsIT} runs {@code js/shoukaku.mjs} and {@code js/lavalink-client.mjs} in
 * Node, each with a discord.js bot logged in to an in-process {@code DiscordSim}, against an in-process hub and audio
 * workers started as processes from their jar (so that one can be killed with {@code kill -9}).
 */
package dev.hubcord.lavalinktests;
