package dev.hubcord.commands.testing;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;

/** {@code boom}: a command with a bug. */
public final class BoomCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("boom").description("Fails.").build();
    }

    @Override
    public void execute(CommandContext ctx) {
        throw new IllegalStateException("a bug in boom");
    }
}
