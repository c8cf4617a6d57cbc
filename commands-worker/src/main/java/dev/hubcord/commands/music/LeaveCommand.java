package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.api.CommandContext;

/** {@code leave}: Leaves the voice channel. */
public final class LeaveCommand extends PlayerCommand {

    public LeaveCommand() {
        super("leave", "Leaves the voice channel.", "PLAYER_LEAVE");
    }

    @Override
    String replyText(CommandContext ctx, JsonNode answer) {
        return "Left the voice channel.";
    }
}
