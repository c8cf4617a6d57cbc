package dev.hubcord.discordsim.population;

import dev.hubcord.discordsim.SimException;

/**
 * Shape of the synthetic population. Every {@code largeGuildEvery}-th guild (index 0, N, 2N, …; 0 = none) has
 * {@code largeGuildMembers} members instead of {@code membersPerGuild}, so it is "large" for a default
 * {@code large_threshold}. Users come from a shared pool of {@code users}, so the same user is in many guilds.
 */
public record PopulationConfig(
        long seed,
        int guilds,
        int users,
        int membersPerGuild,
        int largeGuildEvery,
        int largeGuildMembers,
        int extraRolesPerGuild,
        int categoriesPerGuild,
        int textChannelsPerGuild,
        int voiceChannelsPerGuild,
        int voiceStatesPerGuild,
        int onlinePercent,
        String botName) {

    public PopulationConfig {
        if (guilds < 0 || users < 1 || membersPerGuild < 1 || largeGuildEvery < 0 || largeGuildMembers < 1
                || extraRolesPerGuild < 0 || categoriesPerGuild < 0 || textChannelsPerGuild < 1
                || voiceChannelsPerGuild < 0 || voiceStatesPerGuild < 0 || onlinePercent < 0 || onlinePercent > 100) {
            throw new SimException(SimException.Kind.CONFIG, "population values out of range: " + guilds + " guilds");
        }
        if (botName == null || botName.isBlank()) {
            botName = "SimBot";
        }
    }

    public static PopulationConfig defaults() {
        return new PopulationConfig(42, 10, 1000, 20, 5, 300, 4, 2, 4, 2, 3, 30, "SimBot");
    }

    public PopulationConfig withGuilds(int count) {
        return new PopulationConfig(seed, count, users, membersPerGuild, largeGuildEvery, largeGuildMembers,
                extraRolesPerGuild, categoriesPerGuild, textChannelsPerGuild, voiceChannelsPerGuild,
                voiceStatesPerGuild, onlinePercent, botName);
    }

    public PopulationConfig withSeed(long newSeed) {
        return new PopulationConfig(newSeed, guilds, users, membersPerGuild, largeGuildEvery, largeGuildMembers,
                extraRolesPerGuild, categoriesPerGuild, textChannelsPerGuild, voiceChannelsPerGuild,
                voiceStatesPerGuild, onlinePercent, botName);
    }

    public PopulationConfig withMembers(int perGuild, int largeEvery, int largeMembers) {
        return new PopulationConfig(seed, guilds, Math.max(users, Math.max(perGuild, largeMembers) + 2), perGuild,
                largeEvery, largeMembers, extraRolesPerGuild, categoriesPerGuild, textChannelsPerGuild,
                voiceChannelsPerGuild, voiceStatesPerGuild, onlinePercent, botName);
    }
}
