package dev.hubcord.commands.builtin;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Permission;
import dev.hubcord.commands.hub.HubMember;

/** {@code kick <member> [reason...]}. */
public final class KickCommand implements Command {

    static final Argument<HubMember> MEMBER = Argument.of("member", ArgumentTypes.MEMBER).describedAs("whom to kick");
    static final Argument<String> REASON = Argument.of("reason", ArgumentTypes.TEXT).greedy().optional();

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("kick").description("Removes a member from the server.")
                .userPermissions(Permission.KICK_MEMBERS).botPermissions(Permission.KICK_MEMBERS)
                .defaultMemberPermissions(Permission.KICK_MEMBERS)
                .arguments(MEMBER, REASON).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        HubMember member = ctx.get(MEMBER);
        if (member.id().equals(ctx.authorId()) || member.id().equals(ctx.botUserId())) {
            throw new CommandException("Pick someone else to kick.");
        }
        ctx.once("kick", () -> ctx.discord().kick(ctx.guildId(), member.id(),
                Texts.auditReason(ctx.optional(REASON).orElse(null), ctx.authorId())));
        ctx.reply("Kicked **" + Texts.who(member.user()) + "**" + ctx.optional(REASON).map(r -> ": " + r).orElse("."));
    }
}
