package dev.hubcord.discordsim.rest;

import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;

/**
 * The channel a route names and the bot's permissions in it, or the error Discord answers: 404/10003 for an unknown
 * channel, 403/50001 without VIEW_CHANNEL (Discord hides what the bot cannot see), 403/50013 without a further
 * permission the route needs.
 *
 * @param guild the channel's guild (null with an error)
 * @param snapshot the guild at the time of the request
 * @param channel the channel
 * @param bot the bot's member, null if it is not in the guild
 * @param perms the bot's permissions in the channel
 * @param error the response to give instead, or null
 */
record ChannelAccess(SimGuild guild, SimGuild.Snapshot snapshot, SimChannel channel, SimMember bot, long perms,
        RestExchange.Response error) {

    static ChannelAccess of(RestContext ctx, String channelParam, long required) {
        long channelId = Rest.snowflake(channelParam);
        SimGuild guild = ctx.population().guildOfChannel(channelId).orElse(null);
        SimGuild.Snapshot snap = guild == null ? null : guild.snapshot();
        SimChannel channel = snap == null ? null : snap.channel(channelId).orElse(null);
        if (channel == null) {
            return new ChannelAccess(null, null, null, null, 0,
                    RestExchange.Response.error(404, 10003, "Unknown Channel"));
        }
        SimMember bot = snap.member(ctx.population().bot().id()).orElse(null);
        long perms = bot == null ? 0 : Permissions.inChannel(snap, bot, channel, System.currentTimeMillis());
        RestExchange.Response error = null;
        if ((perms & Permissions.VIEW_CHANNEL) == 0) {
            error = RestExchange.Response.error(403, 50001, "Missing Access");
        } else if ((perms & required) != required) {
            error = RestExchange.Response.error(403, 50013, "Missing Permissions");
        }
        return new ChannelAccess(guild, snap, channel, bot, perms, error);
    }

    boolean has(long permission) {
        return (perms & permission) == permission;
    }
}
