/**
 * discord.js 14, an unmodified real Discord library, as the judge of the simulated Discord: {@link
 * dev.hubcord.discordjs.DiscordJsIT} runs the scenarios of {@code js/scenarios.mjs} in Node against an in-process
 * {@code DiscordSim}, plays users through its control API and checks both what discord.js reports and what the
 * simulator recorded.
 */
package dev.hubcord.discordjs;
