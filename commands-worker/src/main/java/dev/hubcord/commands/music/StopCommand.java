package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.api.CommandContext;

/** {@code stop}: Stops the music (the queue stays). */
public final class StopCommand extends PlayerCommand {

    public StopCommand() {
        super("stop", "Stops the music (the queue stays).", "PLAYER_STOP");
    }

    @Override
    String replyText(CommandContext ctx, JsonNode answer) {
        return "Stopped.";
    }
}
