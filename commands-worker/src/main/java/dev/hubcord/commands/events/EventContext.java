package dev.hubcord.commands.events;

import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.protocol.client.HubClient;

/**
 * What a listener may use.
 *
 * @param shard the shard the event came from
 */
public record EventContext(int shard, DiscordApi discord, HubApi hub, HubClient hubClient) {}
