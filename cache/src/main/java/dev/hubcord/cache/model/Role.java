package dev.hubcord.cache.model;

/** A guild role; the {@code @everyone} role has the guild's ID. */
public record Role(long id, long guildId, String name, int color, int position, long permissions,
                   boolean hoist, boolean mentionable, boolean managed) {
}
