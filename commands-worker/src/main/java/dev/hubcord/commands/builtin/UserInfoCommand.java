package dev.hubcord.commands.builtin;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.hub.HubMember;

/** {@code userinfo [member]}: a member from the hub's cache, else from Discord (the invoker by default). */
public final class UserInfoCommand implements Command {

    static final Argument<HubMember> MEMBER = Argument.of("member", ArgumentTypes.MEMBER).optional()
            .describedAs("whom to show (you by default)");

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("userinfo").aliases("whois", "ui").description("Shows a member's details.")
                .arguments(MEMBER).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        HubMember m = ctx.optional(MEMBER).orElseGet(() -> ctx.members().member(ctx.guildId(), ctx.authorId())
                .orElseThrow(() -> new CommandException("I can't find you in my cache yet; try again in a moment.")));
        ctx.reply(describe(m));
    }

    /** The details shown by {@code userinfo} and the "User info" menu. */
    static String describe(HubMember m) {
        StringBuilder out = new StringBuilder("**" + Texts.who(m.user()) + "**");
        if (m.user().globalName() != null) {
            out.append(" (").append(Texts.plain(m.user().globalName())).append(')');
        }
        out.append("\nID: ").append(m.id());
        if (m.nickname() != null) {
            out.append("\nNickname: ").append(Texts.plain(m.nickname()));
        }
        out.append("\nAccount created: ").append(Texts.time(Texts.createdAt(m.id())));
        if (m.joinedAt() != null) {
            out.append("\nJoined: ").append(Texts.time(java.time.OffsetDateTime.parse(m.joinedAt()).toInstant()));
        }
        out.append("\nRoles: ").append(m.roles().isEmpty() ? "none"
                : String.join(" ", m.roles().stream().map(r -> "<@&" + r + ">").toList()));
        if (m.user().bot()) {
            out.append("\nBot account");
        }
        return out.toString();
    }
}
