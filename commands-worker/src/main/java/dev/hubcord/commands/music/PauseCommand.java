package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.CommandContext;

/** {@code pause}: Pauses the music. */
public final class PauseCommand extends PlayerCommand {

    public PauseCommand() {
        super("pause", "Pauses the music.", "PLAYER_PAUSE");
    }

    @Override
    void fill(CommandContext ctx, ObjectNode data) {
        data.put("paused", true);
    }

    @Override
    String replyText(CommandContext ctx, JsonNode answer) {
        return "Paused.";
    }
}
