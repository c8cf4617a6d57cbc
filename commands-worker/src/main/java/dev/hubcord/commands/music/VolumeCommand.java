package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.CommandContext;

/** {@code volume <0-200>}. */
public final class VolumeCommand extends PlayerCommand {

    static final Argument<Long> VOLUME = Argument.of("volume", ArgumentTypes.integer(0, 200))
            .describedAs("0 to 200 percent");

    public VolumeCommand() {
        super("volume", "Sets the volume.", "PLAYER_VOLUME", VOLUME);
    }

    @Override
    void fill(CommandContext ctx, ObjectNode data) {
        data.put("volume", ctx.get(VOLUME).intValue());
    }

    @Override
    String replyText(CommandContext ctx, JsonNode answer) {
        return "Volume set to " + ctx.get(VOLUME) + "%.";
    }
}
