package dev.hubcord.commands.hub;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A cached channel; {@code type} is Discord's channel type (0 text, 2 voice, 4 category, ...). */
public record HubChannel(
        @JsonProperty("id") String id,
        @JsonProperty("guildID") String guildId,
        @JsonProperty("type") int type,
        @JsonProperty("position") int position,
        @JsonProperty("name") String name,
        @JsonProperty("parentID") String parentId) {

    public boolean voice() {
        return type == 2 || type == 13;
    }
}
