package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.CommandContext;

/**
 * {@code crossfade [0-12000]}: sets the guild's crossfade between queued tracks in ms (0 = a gapless cut), or without
 * a number says what it is. The audio worker keeps it in the player, so it survives a failover.
 */
public final class CrossfadeCommand extends PlayerCommand {

    static final Argument<Long> MS = Argument.of("ms", ArgumentTypes.integer(0, 12_000))
            .describedAs("0 to 12000 milliseconds, 0 = off").optional();

    public CrossfadeCommand() {
        super("crossfade", "Sets the crossfade between queued tracks.", "PLAYER_QUEUE", MS);
    }

    @Override
    void fill(CommandContext ctx, ObjectNode data) {
        if (ctx.optional(MS).isPresent()) {
            data.put("action", "crossfade");
            data.put("crossfadeMs", ctx.get(MS).intValue());
        } else {
            data.put("action", "list"); // only reads the player
        }
    }

    @Override
    String replyText(CommandContext ctx, JsonNode answer) {
        long ms = ctx.optional(MS).isPresent() ? ctx.get(MS) : Music.player(answer).path("crossfadeMs").asLong(0);
        String state = ms == 0 ? "off (gapless)" : ms + " ms";
        return ctx.optional(MS).isPresent() ? "Crossfade set to " + state + "." : "Crossfade is " + state + ".";
    }
}
