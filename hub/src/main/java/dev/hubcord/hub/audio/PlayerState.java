package dev.hubcord.hub.audio;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The latest player snapshot the hub saw for one guild.
 *
 * @param player the {@code player} object as the audio worker sent it (treated as read-only)
 * @param textChannelId the event's {@code textChannelID}, or {@code null}
 * @param updatedAt the hub's wall-clock ms when the event arrived
 */
public record PlayerState(JsonNode player, String textChannelId, long updatedAt) {

    /** The voice channel the player is in, or {@code null} when it has none. */
    public String channelId() {
        JsonNode channel = player.get("channelID");
        return channel != null && channel.isTextual() ? channel.textValue() : null;
    }
}
