package dev.hubcord.commands.testing;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;

/** {@code echo <text...>}: replies with the text (a test command with no checks). */
public final class EchoCommand implements Command {

    static final Argument<String> TEXT = Argument.of("text", ArgumentTypes.TEXT).greedy();

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("echo").description("Says it back.").arguments(TEXT).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        ctx.reply(ctx.get(TEXT));
    }
}
