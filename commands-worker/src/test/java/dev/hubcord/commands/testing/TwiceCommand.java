package dev.hubcord.commands.testing;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;

/** {@code twice}: answers "one", then "two" (for slash commands: the response, then a follow-up). */
public final class TwiceCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("twice").description("Answers twice.").build();
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply("one");
        ctx.reply("two");
    }
}
