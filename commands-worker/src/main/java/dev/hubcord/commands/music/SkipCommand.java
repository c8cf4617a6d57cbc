package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.api.CommandContext;

/** {@code skip}: Skips the current track. */
public final class SkipCommand extends PlayerCommand {

    public SkipCommand() {
        super("skip", "Skips the current track.", "PLAYER_SKIP");
    }

    @Override
    String replyText(CommandContext ctx, JsonNode answer) {
        return "Skipped.";
    }
}
