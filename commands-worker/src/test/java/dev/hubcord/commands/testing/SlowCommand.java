package dev.hubcord.commands.testing;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;

/** {@code slow}: takes longer than Discord's 3-second window before answering. */
public final class SlowCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("slow").description("Takes its time.").build();
    }

    @Override
    public void execute(CommandContext ctx) throws InterruptedException {
        Thread.sleep(3_300);
        ctx.reply("finally done");
    }
}
