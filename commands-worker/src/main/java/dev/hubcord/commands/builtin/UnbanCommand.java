package dev.hubcord.commands.builtin;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Permission;
import dev.hubcord.commands.api.UsageException;
import dev.hubcord.commands.store.TimedBans;

/** {@code unban <user ID> [reason...]}: a banned user is no member, so only an ID or a mention will do. */
public final class UnbanCommand implements Command {

    static final Argument<String> USER = Argument.of("user", ArgumentTypes.simple("user ID", (s, r) -> {
        String id = s.replaceAll("^<@!?(\\d+)>$", "$1");
        if (!id.matches("\\d{15,20}")) {
            throw new UsageException("`" + s + "` is not a user ID or mention (banned users are not members, so "
                    + "names can't be looked up).");
        }
        return id;
    })).describedAs("the banned user's ID");
    static final Argument<String> REASON = Argument.of("reason", ArgumentTypes.TEXT).greedy().optional();

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("unban").description("Lifts a ban.")
                .userPermissions(Permission.BAN_MEMBERS).botPermissions(Permission.BAN_MEMBERS)
                .defaultMemberPermissions(Permission.BAN_MEMBERS)
                .arguments(USER, REASON).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        String user = ctx.get(USER);
        ctx.once("unban", () -> ctx.discord().unban(ctx.guildId(), user,
                Texts.auditReason(ctx.optional(REASON).orElse(null), ctx.authorId())));
        ctx.service(TimedBans.class).ifPresent(t -> t.cancel(ctx.guildId(), user));
        ctx.reply("Unbanned <@" + user + ">.");
    }
}
