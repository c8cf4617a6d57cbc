package dev.hubcord.commands.hub;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A cached role; {@code permissions} is the decimal bit set as a string. */
public record HubRole(
        @JsonProperty("id") String id,
        @JsonProperty("guildID") String guildId,
        @JsonProperty("name") String name,
        @JsonProperty("color") int color,
        @JsonProperty("position") int position,
        @JsonProperty("permissions") String permissions) {}
