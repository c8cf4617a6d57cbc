package dev.hubcord.cache.model;

/**
 * A guild with the counts the REST answer adds: {@code memberCount} is Discord's figure (from the
 * last guild payload), {@code cachedMembers} what the cache holds right now.
 */
public record Guild(long id, String name, String icon, long ownerId, String region, int memberCount,
                    boolean unavailable, int channelCount, int roleCount, long cachedMembers, int voiceStateCount) {
}
