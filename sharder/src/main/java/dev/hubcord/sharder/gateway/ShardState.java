package dev.hubcord.sharder.gateway;

import java.util.Locale;

/** Where a shard is; reported to the hub in SHARD_STATUS as the lower-case name. */
public enum ShardState {
    /** Created, not started. */
    IDLE,
    /** Connected and HELLO received; waiting for the hub's IDENTIFY_GRANTED. */
    WAITING_FOR_IDENTIFY,
    /** Opening the WebSocket. */
    CONNECTING,
    /** IDENTIFY sent, waiting for READY. */
    IDENTIFYING,
    /** RESUME sent, waiting for the replay and RESUMED. */
    RESUMING,
    /** READY received; the initial GUILD_CREATEs are still arriving. */
    LOADING,
    /** Every READY guild arrived (or stopped arriving): the shard is up. */
    READY,
    /** The connection ended; a reconnect is scheduled. */
    RECONNECTING,
    /** Discord refused the shard for good (4004, 4010-4014): no retries. */
    FAILED,
    /** The hub took the shard away or the sharder is shutting down. */
    STOPPED;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the shard has a live Discord session that carries dispatches. */
    public boolean hasSession() {
        return this == LOADING || this == READY;
    }
}
