package dev.hubcord.example;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.hub.HubUser;

/**
 * "High five", a user context menu (right-click a user, Apps): no options, the target user comes from the
 * interaction's resolved data. Mentions in the answer do not ping: the framework allows none unless told.
 */
public final class HighFiveCommand implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.userCommand("High five").build();
    }

    @Override
    public void execute(CommandContext ctx) {
        HubUser target = ctx.targetUser().orElseThrow(() -> new CommandException("Whom should I high-five?"));
        ctx.reply("<@" + ctx.authorId() + "> high-fives " + target.displayName() + "!");
    }
}
