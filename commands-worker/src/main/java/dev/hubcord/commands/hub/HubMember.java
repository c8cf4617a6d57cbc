package dev.hubcord.commands.hub;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/** A cached guild member with its user; timestamps are ISO 8601 strings as the hub sends them (or null). */
public record HubMember(
        @JsonProperty("id") String id,
        @JsonProperty("guildID") String guildId,
        @JsonProperty("nickname") String nickname,
        @JsonProperty("roles") List<String> roles,
        @JsonProperty("joinedAt") String joinedAt,
        @JsonProperty("communicationDisabledUntil") String communicationDisabledUntil,
        @JsonProperty("user") HubUser user) {

    public HubMember {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** The nickname, else the user's display name. */
    public String displayName() {
        return nickname != null ? nickname : user == null ? id : user.displayName();
    }
}
