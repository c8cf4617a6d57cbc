package dev.hubcord.commands.hub;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A cached guild with the hub's counts. */
public record HubGuild(
        @JsonProperty("id") String id,
        @JsonProperty("name") String name,
        @JsonProperty("icon") String icon,
        @JsonProperty("ownerID") String ownerId,
        @JsonProperty("region") String region,
        @JsonProperty("memberCount") int memberCount,
        @JsonProperty("cachedMemberCount") int cachedMemberCount,
        @JsonProperty("channelCount") int channelCount,
        @JsonProperty("roleCount") int roleCount,
        @JsonProperty("voiceStateCount") int voiceStateCount) {}
