package dev.hubcord.commands.hub;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A cached voice state: who is in which voice channel. */
public record HubVoiceState(
        @JsonProperty("guildID") String guildId,
        @JsonProperty("channelID") String channelId,
        @JsonProperty("userID") String userId) {}
