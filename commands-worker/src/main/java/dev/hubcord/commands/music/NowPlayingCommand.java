package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.CommandContext;

/** {@code nowplaying}: the current track and where it is. */
public final class NowPlayingCommand extends PlayerCommand {

    public NowPlayingCommand() {
        super("nowplaying", "Shows the current track.", "PLAYER_QUEUE");
    }

    @Override
    void fill(CommandContext ctx, ObjectNode data) {
        data.put("action", "list");
    }

    @Override
    String replyText(CommandContext ctx, JsonNode answer) {
        JsonNode player = Music.player(answer);
        JsonNode current = player.path("track");
        if (!current.isObject()) {
            return "Nothing is playing.";
        }
        long position = player.path("position").asLong(0);
        if (!player.path("paused").asBoolean(false)) {
            position += Math.max(0, System.currentTimeMillis() - player.path("time").asLong(System.currentTimeMillis()));
        }
        return "Now playing " + TrackInfo.of(current).display() + " at " + TrackInfo.clock(position)
                + (player.path("paused").asBoolean(false) ? " (paused)" : "") + ".";
    }
}
