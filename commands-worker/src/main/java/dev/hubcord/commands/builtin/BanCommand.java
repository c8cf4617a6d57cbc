package dev.hubcord.commands.builtin;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Permission;
import dev.hubcord.commands.components.CustomId;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.commands.hub.HubUser;
import dev.hubcord.commands.store.TimedBans;
import java.time.Duration;

/**
 * {@code ban <user> [reason...] [-t duration]}: bans with the reason in the audit log. With a duration the ban is
 * stored and lifted when due by {@link TimedBanLifter}, by whichever worker is running then. As {@code /ban} it asks
 * first: an ephemeral "Ban X?" with Confirm and Cancel buttons ({@link BanConfirmation} makes the ban on the click).
 */
public final class BanCommand implements Command {

    static final Argument<HubUser> USER = Argument.of("user", ArgumentTypes.USER).describedAs("whom to ban");
    static final Argument<String> REASON = Argument.of("reason", ArgumentTypes.TEXT).greedy().optional()
            .describedAs("why (goes to the audit log)");
    static final Argument<Duration> TIME = Argument.of("time", ArgumentTypes.DURATION).flag("t").optional()
            .describedAs("lift the ban after this long, e.g. 5h, 1d12h");

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("ban").description("Bans a user, for good or for a while.")
                .userPermissions(Permission.BAN_MEMBERS).botPermissions(Permission.BAN_MEMBERS)
                .defaultMemberPermissions(Permission.BAN_MEMBERS).privateReplies()
                .arguments(USER, REASON, TIME).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        HubUser user = ctx.get(USER);
        if (user.id().equals(ctx.authorId())) {
            throw new CommandException("You can't ban yourself.");
        }
        if (user.id().equals(ctx.botUserId())) {
            throw new CommandException("I won't ban myself.");
        }
        Bans.Request request = new Bans.Request(ctx.guildId(), user.id(), ctx.optional(REASON).orElse(null),
                ctx.optional(TIME).orElse(null), ctx.authorId());
        if (ctx.isSlashCommand()) {
            // A slash command is one mis-pick in a member list away from the wrong person: ask first, privately.
            // The click may reach any worker, so the question's Confirm button carries the whole request.
            CustomId confirm = BanConfirmation.confirmId(request);
            Bans.Request shown = BanConfirmation.request(confirm, ctx.guildId(), ctx.authorId());
            ctx.reply(Reply.text("Ban **" + Texts.who(user) + "**" + shown.summary().replaceFirst("\\.$", "") + "?")
                    .withComponents(BanConfirmation.buttons(request)).asEphemeral());
            return;
        }
        TimedBans timedBans = ctx.service(TimedBans.class)
                .orElseThrow(() -> new IllegalStateException("the timed-ban store is not configured"));
        Bans.ban(request, ctx.discord(), timedBans, ctx.clock().instant(), ctx::once);
        ctx.reply("Banned **" + Texts.who(user) + "**" + request.summary());
    }
}
