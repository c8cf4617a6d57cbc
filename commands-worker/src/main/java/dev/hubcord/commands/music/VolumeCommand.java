package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.CommandContext;

/** {@code volume [0-200]}: sets the volume, or without a number says what it is. */
public final class VolumeCommand extends PlayerCommand {

    static final Argument<Long> VOLUME = Argument.of("volume", ArgumentTypes.integer(0, 200))
            .describedAs("0 to 200 percent").optional();

    public VolumeCommand() {
        super("volume", "Sets the volume.", "PLAYER_VOLUME", VOLUME);
    }

    @Override
    String event(CommandContext ctx) {
        return ctx.optional(VOLUME).isPresent() ? "PLAYER_VOLUME" : "PLAYER_QUEUE";
    }

    @Override
    void fill(CommandContext ctx, ObjectNode data) {
        if (ctx.optional(VOLUME).isPresent()) {
            data.put("volume", ctx.get(VOLUME).intValue());
        } else {
            data.put("action", "list"); // only reads the player
        }
    }

    @Override
    String replyText(CommandContext ctx, JsonNode answer) {
        if (ctx.optional(VOLUME).isPresent()) {
            return "Volume set to " + ctx.get(VOLUME) + "%.";
        }
        return "Volume is " + Music.player(answer).path("volume").asInt(100) + "%.";
    }
}
