package dev.hubcord.commands.builtin;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.ArgumentTypes;
import dev.hubcord.commands.api.Command;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Permission;
import dev.hubcord.commands.hub.HubMember;
import dev.hubcord.commands.parse.Durations;
import java.time.Duration;
import java.time.Instant;

/** {@code timeout <member> <duration> [reason...]}: Discord's timeout, at most 28 days. */
public final class TimeoutCommand implements Command {

    static final Argument<HubMember> MEMBER = Argument.of("member", ArgumentTypes.MEMBER);
    static final Argument<Duration> TIME = Argument.of("duration", ArgumentTypes.DURATION)
            .describedAs("how long, at most 28d");
    static final Argument<String> REASON = Argument.of("reason", ArgumentTypes.TEXT).greedy().optional();

    @Override
    public CommandSpec spec() {
        return CommandSpec.builder("timeout").aliases("mute").description("Times a member out.")
                .userPermissions(Permission.MODERATE_MEMBERS).botPermissions(Permission.MODERATE_MEMBERS)
                .defaultMemberPermissions(Permission.MODERATE_MEMBERS)
                .arguments(MEMBER, TIME, REASON).build();
    }

    @Override
    public void execute(CommandContext ctx) {
        HubMember member = ctx.get(MEMBER);
        Duration time = ctx.get(TIME);
        if (time.compareTo(Duration.ofDays(28)) > 0) {
            throw new CommandException("Discord allows timeouts of at most 28 days.");
        }
        // Discord's clock, not a test's: the timeout end is an absolute time Discord checks.
        Instant until = Instant.now().plus(time);
        ctx.once("timeout", () -> ctx.discord().timeout(ctx.guildId(), member.id(), until,
                Texts.auditReason(ctx.optional(REASON).orElse(null), ctx.authorId())));
        ctx.reply("Timed out **" + Texts.who(member.user()) + "** for " + Durations.format(time)
                + ctx.optional(REASON).map(r -> ": " + r).orElse("."));
    }
}
