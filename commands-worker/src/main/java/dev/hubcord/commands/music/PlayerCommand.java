package dev.hubcord.commands.music;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;
import java.time.Duration;

/**
 * A command that sends one PLAYER_* request and replies: the shape of skip, stop, pause, resume, volume, seek and
 * leave. Subclasses fill in the event's data and the reply.
 */
abstract class PlayerCommand implements Command {

    private final String name;
    private final String description;
    private final String event;
    private final Argument<?>[] arguments;

    PlayerCommand(String name, String description, String event, Argument<?>... arguments) {
        this.name = name;
        this.description = description;
        this.event = event;
        this.arguments = arguments;
    }

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder(name).description(description).cooldown(Duration.ofSeconds(1))
                .arguments(arguments).build();
    }

    /** Adds the event's own fields to {@code data} (which has guildID and textChannelID). */
    void fill(CommandContext ctx, ObjectNode data) {
    }

    abstract String replyText(CommandContext ctx, JsonNode answer);

    /** The event this invocation sends; most commands always send the same one. */
    String event(CommandContext ctx) {
        return event;
    }

    @Override
    public void execute(CommandContext ctx) throws Exception {
        ObjectNode data = Music.data(ctx);
        fill(ctx, data);
        JsonNode answer = Music.request(ctx, event(ctx), data);
        ctx.reply(replyText(ctx, answer));
    }
}
