package dev.hubcord.commands.builtin;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Permission;
import dev.hubcord.commands.discord.DiscordRestException;
import dev.hubcord.commands.hub.HubUser;
import dev.hubcord.commands.parse.Durations;
import dev.hubcord.commands.store.TimedBans;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code ban <user> [reason...] [-t duration]}: bans with the reason in the audit log. With a duration the ban is
 * stored and lifted when due by {@link TimedBanLifter}, by whichever worker is running then.
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
        Optional<String> reason = ctx.optional(REASON);
        Optional<Duration> time = ctx.optional(TIME);
        TimedBans timedBans = ctx.service(TimedBans.class)
                .orElseThrow(() -> new IllegalStateException("the timed-ban store is not configured"));
        // Store the lift time before banning: a worker dying in between leaves a lift for a ban that the rerun
        // makes, never a timed ban that stays for good.
        Instant liftAt = time.map(d -> ctx.clock().instant().plus(d)).orElse(null);
        ctx.once("schedule", () -> {
            if (liftAt != null) {
                timedBans.schedule(ctx.guildId(), user.id(), liftAt, reason.orElse(null));
            } else {
                timedBans.cancel(ctx.guildId(), user.id());
            }
        });
        String audit = Texts.auditReason(reason.orElse(null), ctx.authorId())
                + time.map(d -> " for " + Durations.format(d)).orElse("");
        try {
            ctx.once("ban", () -> ctx.discord().ban(ctx.guildId(), user.id(), audit, 0));
        } catch (DiscordRestException e) {
            if (liftAt != null) {
                timedBans.cancel(ctx.guildId(), user.id());
            }
            throw e;
        }
        ctx.reply("Banned **" + Texts.who(user) + "**" + time.map(d -> " for " + Durations.format(d)).orElse("")
                + reason.map(r -> ": " + r).orElse("."));
    }
}
