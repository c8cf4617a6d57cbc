package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.CommandContext;

/** {@code resume}: Resumes the music. */
public final class ResumeCommand extends PlayerCommand {

    public ResumeCommand() {
        super("resume", "Resumes the music.", "PLAYER_PAUSE");
    }

    @Override
    void fill(CommandContext ctx, ObjectNode data) {
        data.put("paused", false);
    }

    @Override
    String replyText(CommandContext ctx, JsonNode answer) {
        return "Resumed.";
    }
}
