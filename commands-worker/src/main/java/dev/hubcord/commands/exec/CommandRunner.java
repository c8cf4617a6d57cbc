package dev.hubcord.commands.exec;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Declaration;
import dev.hubcord.commands.api.Permission;
import dev.hubcord.commands.api.UsageException;
import dev.hubcord.commands.hub.HubApiException;
import dev.hubcord.commands.lookup.MemberDirectory;
import dev.hubcord.commands.metrics.CommandMetrics;
import dev.hubcord.commands.parse.ArgumentParser;
import dev.hubcord.commands.parse.Durations;
import dev.hubcord.commands.parse.ParsedArguments;
import dev.hubcord.commands.parse.SubcommandPath;
import dev.hubcord.discordrest.DiscordRestException;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one command to the end on the calling thread: finds it, checks guild, cooldown and permissions, parses the
 * arguments, executes it, and answers every failure with a short reply. Never throws: a failure that cannot even
 * be answered is logged.
 */
public final class CommandRunner {

    private static final Logger log = LoggerFactory.getLogger(CommandRunner.class);

    private final WorkerServices services;
    private final Cooldowns cooldowns;

    private final CommandMetrics metrics;

    public CommandRunner(WorkerServices services) {
        this(services, CommandMetrics.none());
    }

    public CommandRunner(WorkerServices services, CommandMetrics metrics) {
        this.services = services;
        this.cooldowns = new Cooldowns(services.clock());
        this.metrics = metrics;
    }

    /** Runs the command; returns normally whatever happened. */
    public void run(CommandRequest request) {
        // Unknown commands are answered privately, so their deferral is private too.
        boolean privateReplies = services.registry().find(request)
                .map(e -> e.spec().privateReplies()).orElse(true);
        Responder responder = request.interaction() != null
                ? new InteractionResponder(services.discord(), request.interaction(), request.redelivered(),
                        privateReplies, services.timers(), services.deferAfter())
                : new MessageResponder(services.discord(), request.channelId(), request.messageId());
        InvocationContext ctx = new InvocationContext(request, services, responder);
        long start = System.nanoTime();
        String outcome = "ok";
        try {
            try {
                runChecked(request, ctx);
                if (ctx.spec() == null) {
                    outcome = "unknown";
                }
            } catch (UsageException e) {
                outcome = "usage";
                if (request.interaction() != null) {
                    log.info("{}: refused: {}", describe(request), e.getMessage());
                }
                String usage = ctx.spec() == null ? "" : "\nUsage: `" + ctx.spec().usage() + "`";
                ctx.replyPrivately(e.getMessage() + usage);
            } catch (CommandException e) {
                outcome = "refused";
                ctx.replyPrivately(e.getMessage());
            } catch (DiscordRestException e) {
                outcome = "discord_error";
                if (e.kind() == DiscordRestException.Kind.UNKNOWN_OUTCOME) {
                    // Discord may have done it (the reply may be there): saying it failed could be wrong, and
                    // another message is what exactly-once answers avoid.
                    log.warn("{}: {}", describe(request), e.getMessage());
                } else {
                    log.warn("{}: Discord refused a call: {}", describe(request), e.getMessage());
                    ctx.replyPrivately(discordFailure(e));
                }
            } catch (HubApiException e) {
                outcome = "hub_error";
                log.warn("{}: hub REST failed: {}", describe(request), e.getMessage());
                ctx.replyPrivately("I can't reach my cache right now; try again in a moment.");
            } catch (InterruptedException e) {
                outcome = "interrupted";
                Thread.currentThread().interrupt();
                log.warn("{}: interrupted", describe(request));
            } catch (Exception | LinkageError | AssertionError e) {
                outcome = "error";
                log.error("{}: the command threw", describe(request), e);
                ctx.replyPrivately("Something went wrong running `" + request.command() + "`. It has been logged.");
            }
            ctx.finish();
        } catch (RuntimeException e) {
            outcome = "answer_failed";
            // The answer itself failed (Discord down, the interaction expired...): nothing more to tell the user.
            log.warn("{}: could not answer: {}", describe(request), e.toString());
        } finally {
            metrics.record(ctx.spec() == null ? "unknown" : ctx.spec().name(), outcome, System.nanoTime() - start);
        }
    }

    private void runChecked(CommandRequest request, InvocationContext ctx) throws Exception {
        var entry = services.registry().find(request).orElse(null);
        if (entry == null) {
            if (request.interaction() != null) {
                ctx.replyPrivately("I don't know the command `" + request.command() + "` (any more).");
            } else {
                log.debug("{}: no such command, ignored", describe(request));
            }
            return;
        }
        CommandSpec spec = entry.spec();
        ctx.bind(spec, new ParsedArguments(java.util.Map.of()));
        if (spec.guildOnly() && request.guildId() == null) {
            throw new CommandException("`" + spec.name() + "` only works in a server.");
        }
        Duration left = cooldowns.tryUse(spec.name(), request.authorId(), spec.cooldown());
        if (!left.isZero()) {
            throw new CommandException("Slow down: you can use `" + spec.name() + "` again in "
                    + Durations.format(left.plusMillis(999)) + ".");
        }
        if (request.guildId() != null) {
            checkPermissions(request, spec);
        }
        SubcommandPath path;
        ParsedArguments args;
        if (request.interaction() != null) {
            if (spec.declaration().kind() != Declaration.Kind.CHAT_INPUT) {
                path = new SubcommandPath(null, null, null, "");
                args = new ParsedArguments(java.util.Map.of());
            } else {
                JsonNode options = request.rawInteraction().path("data").path("options");
                path = SubcommandPath.ofOptions(spec, options);
                args = ArgumentParser.fromOptions(spec.name(), arguments(spec, path), path.options(), ctx);
            }
        } else {
            if (!spec.declaration().prefix()) {
                log.debug("{}: a slash-only command used with the prefix, ignored", describe(request));
                return;
            }
            path = SubcommandPath.ofText(spec, request.raw());
            args = ArgumentParser.parse(spec.name(), arguments(spec, path), path.raw(), ctx);
        }
        ctx.bind(spec, args);
        ctx.bindSubcommand(path.path());
        if (path.subcommand() != null && path.subcommand().handler() != null) {
            path.subcommand().handler().handle(ctx);
        } else {
            entry.command().execute(ctx);
        }
    }

    private static java.util.List<dev.hubcord.commands.api.Argument<?>> arguments(CommandSpec spec,
            SubcommandPath path) {
        return path.subcommand() != null ? path.subcommand().arguments() : spec.arguments();
    }

    private void checkPermissions(CommandRequest request, CommandSpec spec) {
        if (!spec.userPermissions().isEmpty()) {
            Set<Permission> missing = missing(request, request.authorId(), spec.userPermissions());
            if (missing == null) {
                throw new CommandException("I can't see your permissions yet; try again in a moment.");
            }
            if (!missing.isEmpty()) {
                throw new CommandException("You need the " + names(missing) + " permission" + plural(missing)
                        + " to use `" + spec.name() + "`.");
            }
        }
        String bot = services.botUserId().get();
        if (!spec.botPermissions().isEmpty() && bot != null) {
            Set<Permission> missing = missing(request, bot, spec.botPermissions());
            if (missing != null && !missing.isEmpty()) {
                throw new CommandException("I need the " + names(missing) + " permission" + plural(missing)
                        + " here to do that.");
            }
        } else if (!spec.botPermissions().isEmpty()) {
            log.warn("{}: the bot's user ID is unknown (no sharder reported it yet): bot permissions not checked",
                    describe(request));
        }
    }

    /**
     * The missing permissions, or null when the member or channel is not in the cache. A member the cache lacks is
     * fetched from Discord and sent to the cache first; its op 5 travels on the hub connection while this asks the
     * hub's REST API, so the permissions are asked again a few times (at most about 0.8 s).
     */
    private Set<Permission> missing(CommandRequest request, String userId, Set<Permission> required) {
        OptionalLong granted = services.hub().permissions(request.guildId(), userId, request.channelId());
        if (granted.isEmpty() && services.hub().member(request.guildId(), userId).isEmpty()
                && new MemberDirectory(services.hub(), services.discord(), services.hubClient())
                        .member(request.guildId(), userId).isPresent()) {
            for (long wait = 25; granted.isEmpty() && wait <= 400; wait *= 2) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                granted = services.hub().permissions(request.guildId(), userId, request.channelId());
            }
        }
        return granted.isEmpty() ? null : Permission.missing(required, granted.getAsLong());
    }

    private static String names(Set<Permission> missing) {
        return missing.stream().map(p -> "**" + p.displayName() + "**").collect(Collectors.joining(", "));
    }

    private static String plural(Set<Permission> missing) {
        return missing.size() > 1 ? "s" : "";
    }

    private static String discordFailure(DiscordRestException e) {
        return switch (e.kind()) {
            case HTTP -> switch (e.code()) {
                case 50013 -> "Discord says I'm missing permissions for that (is my role above theirs?).";
                case 50001 -> "Discord says I can't access that.";
                case 10007 -> "That member is not in this server any more.";
                case 10013 -> "Discord doesn't know that user.";
                case 10026 -> "That user is not banned.";
                default -> "Discord refused that (" + e.status() + (e.code() != 0 ? "/" + e.code() : "") + ").";
            };
            case RATE_LIMITED, INVALID_REQUEST_CAP -> "Discord is rate limiting me; try again shortly.";
            default -> "I couldn't reach Discord; try again shortly.";
        };
    }

    static String describe(CommandRequest r) {
        return "command " + r.command() + " (" + (r.key() == null ? "no id" : r.key()) + ", guild " + r.guildId()
                + ", user " + r.authorId() + ")";
    }
}
