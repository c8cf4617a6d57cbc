package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentType;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.UsageException;
import dev.hubcord.commands.parse.Durations;

/** {@code seek <position>}: {@code 1:30}, {@code 1:02:03} or a duration such as {@code 90s}. */
public final class SeekCommand extends PlayerCommand {

    static final ArgumentType<Long> POSITION_TYPE = ArgumentTypes.simple("position", (s, r) -> {
        if (s.matches("\\d{1,3}(:\\d{2}){1,2}")) {
            long total = 0;
            for (String part : s.split(":")) {
                total = total * 60 + Long.parseLong(part);
            }
            return total * 1000;
        }
        try {
            return Durations.parse(s).toMillis();
        } catch (UsageException e) {
            throw new UsageException("`" + s + "` is not a position: use `1:30` or `90s`.");
        }
    });
    static final Argument<Long> POSITION = Argument.of("position", POSITION_TYPE).describedAs("where to go, e.g. 1:30");

    public SeekCommand() {
        super("seek", "Jumps to a position in the current track.", "PLAYER_SEEK", POSITION);
    }

    @Override
    void fill(CommandContext ctx, ObjectNode data) {
        data.put("position", ctx.get(POSITION));
    }

    @Override
    String replyText(CommandContext ctx, JsonNode answer) {
        return "Jumped to " + TrackInfo.clock(ctx.get(POSITION)) + ".";
    }
}
