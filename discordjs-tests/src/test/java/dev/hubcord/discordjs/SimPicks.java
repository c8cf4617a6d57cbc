package dev.hubcord.discordjs;

import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import java.util.List;

/**
 * What the scenarios act on, chosen from the seeded population so that Discord's rules allow it: text channels the
 * bot may write in, members it outranks, users who are members of the channel's guild.
 */
final class SimPicks {

    static final int LARGE_MEMBERS = 2_500;

    private final DiscordSim sim;

    SimPicks(DiscordSim sim) {
        this.sim = sim;
    }

    /** A fresh sim as every scenario gets it: two recommended shards, max_concurrency 2, ten guilds, every 3rd large. */
    static DiscordSim startSim() {
        return DiscordSim.start(SimConfig.defaults().withGateway(GatewayConfig.builder()
                        .recommendedShards(2)
                        // max_concurrency 2: discord.js identifies both shards at once instead of 5 s apart
                        .maxConcurrency(2)
                        .identifyWindowMs(100)
                        .reconnectCloseDelayMs(100)
                        .build())
                // 2,500 members in a large guild: more than one chunk of Discord's 1,000
                .withPopulation(PopulationConfig.defaults().withMembers(20, 3, LARGE_MEMBERS)));
    }

    /** A role below the bot's highest that the bot may give (not managed, not @everyone). */
    long assignableRole(SimGuild guild) {
        SimGuild.Snapshot snap = guild.snapshot();
        SimMember bot = snap.member(botId()).orElseThrow();
        return snap.roles().stream()
                .filter(r -> r.id() != guild.id() && !r.managed() && Permissions.outranksRole(snap, bot, r))
                .findFirst().orElseThrow().id();
    }

    long botId() {
        return sim.population().bot().id();
    }

    /** The first guild of a shard (of two). */
    SimGuild guildOfShard(int shard) {
        return sim.population().guildsForShard(shard, 2).getFirst();
    }

    /** Text channels of the guild where the bot can view, send and embed. */
    List<SimChannel> writableChannels(SimGuild guild) {
        SimGuild.Snapshot snap = guild.snapshot();
        SimMember bot = snap.member(botId()).orElseThrow();
        long need = Permissions.VIEW_CHANNEL | Permissions.SEND_MESSAGES | Permissions.EMBED_LINKS;
        long now = System.currentTimeMillis();
        return snap.channels().stream()
                .filter(c -> c.type() == SimChannel.TEXT)
                .filter(c -> (Permissions.inChannel(snap, bot, c, now) & need) == need)
                .toList();
    }

    long writableChannel(SimGuild guild) {
        return writableChannels(guild).getFirst().id();
    }

    /** Members (not the bot, not the owner) the bot outranks, so it may ban, kick and time them out. */
    List<Long> moderatable(SimGuild guild) {
        SimGuild.Snapshot snap = guild.snapshot();
        SimMember bot = snap.member(botId()).orElseThrow();
        return snap.members().stream()
                .filter(m -> m.userId() != botId() && m.userId() != snap.ownerId())
                .filter(m -> Permissions.outranks(snap, bot, m))
                .map(SimMember::userId)
                .toList();
    }

    /** A human member of the guild, to play the user who writes or runs a command. */
    long someUser(SimGuild guild) {
        return moderatable(guild).getFirst();
    }
}
