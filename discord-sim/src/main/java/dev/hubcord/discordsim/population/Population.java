package dev.hubcord.discordsim.population;

import dev.hubcord.discordsim.SimException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * Everything the simulated Discord knows: the bot user, a shared pool of users and the guilds the bot is in. Built
 * deterministically from a {@link PopulationConfig}; changed at runtime by the control API and by REST side effects.
 */
public final class Population {

    private final SimUser bot;
    private final Map<Long, SimUser> users = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, SimGuild> guilds = new ConcurrentSkipListMap<>();
    private final Snowflakes runtimeIds;

    Population(SimUser bot, long seed) {
        this.bot = bot;
        this.runtimeIds = new Snowflakes(seed ^ 0x52554E54494D45L, System.currentTimeMillis());
        users.put(bot.id(), bot);
    }

    /** Generates the population described by {@code config}; the same config always gives the same ids. */
    public static Population generate(PopulationConfig config) {
        return new PopulationGenerator(config).generate();
    }

    public SimUser bot() {
        return bot;
    }

    public Optional<SimUser> user(long id) {
        return Optional.ofNullable(users.get(id));
    }

    public SimUser requireUser(long id) {
        return user(id).orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown user " + id));
    }

    public void putUser(SimUser user) {
        users.put(user.id(), user);
    }

    public int userCount() {
        return users.size();
    }

    /** All guilds, ordered by id. */
    public List<SimGuild> guilds() {
        return List.copyOf(guilds.values());
    }

    public Optional<SimGuild> guild(long id) {
        return Optional.ofNullable(guilds.get(id));
    }

    public SimGuild requireGuild(long id) {
        return guild(id).orElseThrow(() -> new SimException(SimException.Kind.NOT_FOUND, "unknown guild " + id));
    }

    /** Guilds that {@code (guild_id >> 22) % numShards} routes to {@code shardId}. */
    public List<SimGuild> guildsForShard(int shardId, int numShards) {
        return guilds.values().stream().filter(g -> Snowflakes.shardFor(g.id(), numShards) == shardId).toList();
    }

    public void putGuild(SimGuild guild) {
        guilds.put(guild.id(), guild);
    }

    public Optional<SimGuild> removeGuild(long id) {
        return Optional.ofNullable(guilds.remove(id));
    }

    /** Finds the guild owning a channel id, if any. */
    public Optional<SimGuild> guildOfChannel(long channelId) {
        Collection<SimGuild> all = guilds.values();
        return all.stream().filter(g -> g.channel(channelId).isPresent()).findFirst();
    }

    /** A fresh snowflake stamped with the current time, for runtime objects (messages, interactions, …). */
    public long newId() {
        return runtimeIds.nextNow();
    }
}
