package dev.hubcord.sharder.gateway;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a shard reports. Called on the shard's event loop: implementations must not block (sending
 * to the hub only queues), and everything a shard reports arrives in order.
 */
public interface ShardListener {

    /** A dispatch (op 0) with its name and data; READY and RESUMED included. */
    void onDispatch(Shard shard, String type, JsonNode data);

    /** The shard moved from one state to another; {@code detail} says why (may be empty). */
    void onStateChange(Shard shard, ShardState previous, ShardState state, String detail);
}
