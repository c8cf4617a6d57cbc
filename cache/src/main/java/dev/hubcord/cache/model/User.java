package dev.hubcord.cache.model;

/**
 * A Discord user. {@code username} is null only for a user known by ID alone (a member payload
 * that carried no {@code user}); {@code discriminator} is {@code "0"} for migrated usernames.
 */
public record User(long id, String username, String discriminator, String globalName, String avatar, boolean bot) {
}
