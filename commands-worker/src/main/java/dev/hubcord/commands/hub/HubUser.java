package dev.hubcord.commands.hub;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A cached user. {@code discriminator} is {@code "0"} for users on the new username system. */
public record HubUser(
        @JsonProperty("id") String id,
        @JsonProperty("username") String username,
        @JsonProperty("discriminator") String discriminator,
        @JsonProperty("globalName") String globalName,
        @JsonProperty("avatar") String avatar,
        @JsonProperty("bot") boolean bot) {

    /** {@code name#1234} for legacy users, the plain username otherwise. */
    public String tag() {
        return discriminator == null || discriminator.equals("0") ? username : username + "#" + discriminator;
    }

    /** The name people see: the global display name when set. */
    public String displayName() {
        return globalName != null ? globalName : username;
    }
}
