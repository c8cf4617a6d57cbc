package dev.hubcord.cache.ingest;

/**
 * A guild's scalar fields as sent. A null {@code name}, {@code ownerId}, {@code region},
 * {@code memberCount} or {@code unavailable} was absent; {@code icon} is nullable in Discord, so
 * {@code hasIcon} says whether it was sent.
 */
public record GuildDraft(long id, String name, String icon, boolean hasIcon, Long ownerId, String region,
                         Integer memberCount, Boolean unavailable) {
}
