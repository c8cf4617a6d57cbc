package dev.hubcord.commands.builtin;

import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.hub.HubMember;

/**
 * The user context menu "User info" (right-click a member, Apps): {@code userinfo} for the clicked member, shown
 * only to the one who asked. The member comes from the interaction's {@code resolved} data, so no lookup is made.
 */
public final class UserInfoMenu implements Command {

    @Override
    public CommandSpec spec() {
        return CommandSpec.userCommand("User info").privateReplies().build();
    }

    @Override
    public void execute(CommandContext ctx) {
        HubMember m = ctx.targetMember()
                .orElseThrow(() -> new CommandException("That user is not a member of this server."));
        ctx.replyPrivately(UserInfoCommand.describe(m));
    }
}
