package dev.hubcord.example;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.components.Component;
import dev.hubcord.commands.components.ComponentHandler;
import dev.hubcord.commands.components.CustomId;
import dev.hubcord.commands.interactions.Reply;

/**
 * {@code /counter}: a message with a "+1" button. The count is not stored anywhere: it is the button's custom ID
 * ({@code counter:41}), and each click replaces the message with the next count and a button carrying it. Any
 * worker can handle any click, and a restart loses nothing.
 */
public final class CounterCommand implements Command {

    /** A click: the message is updated in place (callback type 7) with the count one higher. */
    static final ComponentHandler BUTTON = ComponentHandler.of("counter",
            ctx -> ctx.update(message(Long.parseLong(ctx.arg(0)) + 1)));

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("counter").description("Starts a counter anyone can click.").slashOnly().build();
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply(message(0));
    }

    static Reply message(long count) {
        return Reply.text("Count: " + count).withComponents(Component.ActionRow.of(
                Component.Button.primary(CustomId.of("counter", Long.toString(count)), "+1")));
    }
}
