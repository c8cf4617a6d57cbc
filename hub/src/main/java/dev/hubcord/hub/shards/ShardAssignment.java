package dev.hubcord.hub.shards;

import java.util.List;

/** The shards one sharder must run: the {@code d} of SHARDS_ASSIGNED and part of IDENTIFIED. */
public record ShardAssignment(List<Integer> shards, int shardCount, int maxConcurrency) {

    public ShardAssignment {
        shards = List.copyOf(shards);
    }
}
