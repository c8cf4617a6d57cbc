package dev.hubcord.sharder.gateway;

/**
 * Permission to IDENTIFY with Discord, shared by every sharder process of the bot: the hub's IDENTIFY
 * gate. A shard asks with {@link #request}; the answer comes later through
 * {@link Shard#identifyGranted()}.
 */
public interface IdentifyPermits {

    /** Asks for one IDENTIFY of {@code shard}; must not block. Repeated requests count once. */
    void request(int shard);
}
