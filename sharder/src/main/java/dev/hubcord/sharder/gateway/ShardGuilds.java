package dev.hubcord.sharder.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Set;

/**
 * The guilds of one shard's session: those READY named, and which of them have not had their GUILD_CREATE yet
 * (the shard is LOADING until none is awaited, or until they stop arriving). Used on the shard's event loop only.
 */
final class ShardGuilds {

    private final Set<Long> guilds = new HashSet<>();
    private final Set<Long> awaited = new HashSet<>();

    /** READY: the session's guilds, all awaited. */
    void ready(JsonNode readyData) {
        guilds.clear();
        awaited.clear();
        for (JsonNode g : readyData.path("guilds")) {
            long guild = Shard.snowflake(g.path("id"));
            guilds.add(guild);
            awaited.add(guild);
        }
    }

    /** GUILD_CREATE: the guild is here (a new one, or an awaited one arriving). */
    void created(JsonNode guildData) {
        long guild = Shard.snowflake(guildData.path("id"));
        if (guild != 0) {
            guilds.add(guild);
            awaited.remove(guild);
        }
    }

    /** GUILD_DELETE: gone for good unless only unavailable (an outage keeps it counted). */
    void deleted(JsonNode guildData) {
        if (!guildData.path("unavailable").asBoolean(false)) {
            long guild = Shard.snowflake(guildData.path("id"));
            guilds.remove(guild);
            awaited.remove(guild);
        }
    }

    /** Stops waiting for the guilds that have not arrived. */
    void stopAwaiting() {
        awaited.clear();
    }

    boolean allArrived() {
        return awaited.isEmpty();
    }

    int awaitedCount() {
        return awaited.size();
    }

    int count() {
        return guilds.size();
    }
}
