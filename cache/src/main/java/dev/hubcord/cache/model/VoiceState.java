package dev.hubcord.cache.model;

/** A user's voice connection in a guild; the cache holds only states with a channel. */
public record VoiceState(long guildId, long channelId, long userId, boolean deaf, boolean mute,
                         boolean selfDeaf, boolean selfMute, boolean selfVideo, boolean suppress, String sessionId) {
}
