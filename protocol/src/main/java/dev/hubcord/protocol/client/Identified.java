package dev.hubcord.protocol.client;

import dev.hubcord.protocol.ServiceType;
import java.util.List;

/**
 * The data of the hub's IDENTIFIED event (contract section 4) for the current session.
 *
 * @param session the session ID, used to RESUME
 * @param type the service type the hub registered
 * @param heartbeatInterval the heartbeat interval in milliseconds
 * @param resumeTimeout how long in milliseconds the hub keeps the session after a drop
 * @param bot the bot's identity, or {@code null} while no sharder has reported it
 * @param shards for sharders, the shard IDs this sharder must run (may be empty); empty otherwise
 * @param shardCount for sharders, the total shard count ({@code 0} while unknown or for other types)
 * @param maxConcurrency for sharders, Discord's identify concurrency ({@code 0} when not sent)
 */
public record Identified(
        String session,
        ServiceType type,
        long heartbeatInterval,
        long resumeTimeout,
        BotInfo bot,
        List<Integer> shards,
        int shardCount,
        int maxConcurrency) {

    public Identified {
        shards = shards == null ? List.of() : List.copyOf(shards);
    }
}
