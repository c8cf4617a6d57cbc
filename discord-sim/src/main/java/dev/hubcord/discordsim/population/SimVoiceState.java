package dev.hubcord.discordsim.population;

/** A member connected to a voice channel of a guild. */
public record SimVoiceState(
        long userId, long channelId, String sessionId, boolean selfMute, boolean selfDeaf, boolean selfVideo) {}
