package dev.hubcord.hub.rest.discord;

import dev.hubcord.cache.DiscordCache;
import dev.hubcord.hub.rest.RestResponse;

/**
 * 404 answers that say which entity is missing — the guild, or the entity within a cached guild —
 * so a client can tell "this guild is not cached" from "this member is not cached".
 */
final class Missing {

    private Missing() {
    }

    static RestResponse guild(long guildId) {
        return RestResponse.notFound("unknown guild " + Long.toUnsignedString(guildId));
    }

    static RestResponse user(long userId) {
        return RestResponse.notFound("unknown user " + Long.toUnsignedString(userId));
    }

    /** The guild when it is not cached, otherwise the {@code what} with {@code id} in it. */
    static RestResponse in(DiscordCache cache, long guildId, String what, long id) {
        if (cache.guild(guildId).isEmpty()) {
            return guild(guildId);
        }
        return RestResponse.notFound("unknown " + what + " " + Long.toUnsignedString(id) + " in guild "
                + Long.toUnsignedString(guildId));
    }
}
