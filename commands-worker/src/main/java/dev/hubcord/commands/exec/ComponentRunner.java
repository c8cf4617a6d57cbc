package dev.hubcord.commands.exec;

import dev.hubcord.commands.api.CommandException;
import dev.hubcord.commands.components.ComponentHandler;
import dev.hubcord.commands.components.CustomId;
import dev.hubcord.commands.interactions.Interaction;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.discordrest.DiscordRestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs a component interaction (type 3) or modal submit (type 5): parses the custom ID, finds the handler named by
 * its first part, and runs it. A custom ID no handler claims (a message from an older version of the bot, or from a
 * bot with other handlers) is answered with an ephemeral "no longer supported" and one log line, never left to
 * expire. A handler that throws gets an ephemeral error answer, logged once with the stack ({@link CommandException}:
 * its message, not logged). Never throws.
 */
final class ComponentRunner {

    private static final Logger log = LoggerFactory.getLogger(ComponentRunner.class);
    static final String UNSUPPORTED = "This button is no longer supported.";
    static final String FAILED = "Something went wrong handling that. It has been logged.";

    private final WorkerServices services;

    ComponentRunner(WorkerServices services) {
        this.services = services;
    }

    void run(CommandRequest request) {
        CommandRequest.Interaction i = request.interaction();
        Interaction interaction = Interaction.of(request.rawInteraction(), i.id(), i.token(), i.applicationId(),
                i.type());
        InteractionResponder responder = new InteractionResponder(services.discord(), i, request.redelivered(), true,
                services.timers(), services.deferAfter());
        responder.updatable(interaction.messageId().isPresent());
        String raw = interaction.customId() != null ? interaction.customId() : request.command();
        CustomId customId = parse(raw);
        ComponentHandler handler = customId == null ? null
                : services.registry().component(customId.handler()).orElse(null);
        ComponentInvocation ctx = new ComponentInvocation(request, services, responder, interaction, customId);
        try {
            if (handler == null) {
                log.info("interaction {}: no handler for custom ID {}: answered as no longer supported", i.id(),
                        raw);
                ctx.reply(Reply.text(UNSUPPORTED).asEphemeral());
            } else {
                runHandler(handler, ctx, i);
            }
            responder.finish();
        } catch (RuntimeException e) {
            log.warn("interaction {} ({}): could not answer: {}", i.id(), raw, e.toString());
        }
    }

    private void runHandler(ComponentHandler handler, ComponentInvocation ctx, CommandRequest.Interaction i) {
        try {
            handler.handle(ctx);
        } catch (CommandException e) {
            ctx.reply(Reply.text(e.getMessage()).asEphemeral());
        } catch (DiscordRestException e) {
            if (e.kind() == DiscordRestException.Kind.UNKNOWN_OUTCOME) {
                log.warn("interaction {} ({}): {}", i.id(), handler.name(), e.getMessage());
            } else {
                log.warn("interaction {} ({}): Discord refused a call: {}", i.id(), handler.name(), e.getMessage());
                ctx.reply(Reply.text("Discord refused that (" + e.status() + ").").asEphemeral());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception | LinkageError | AssertionError e) {
            log.error("interaction {}: handler {} threw", i.id(), handler.name(), e);
            ctx.reply(Reply.text(FAILED).asEphemeral());
        }
    }

    private static CustomId parse(String raw) {
        try {
            return raw == null ? null : CustomId.parse(raw);
        } catch (IllegalArgumentException e) {
            return null; // not our scheme: no handler claims it
        }
    }
}
