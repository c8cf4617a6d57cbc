package dev.hubcord.commands.exec;

import dev.hubcord.commands.components.ComponentContext;
import dev.hubcord.commands.components.CustomId;
import dev.hubcord.commands.components.Modal;
import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.commands.interactions.Interaction;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.protocol.client.HubClient;
import java.time.Clock;
import java.util.Optional;

/** The {@link ComponentContext} of one component interaction or modal submit; answers are journaled. */
final class ComponentInvocation implements ComponentContext {

    private final CommandRequest request;
    private final WorkerServices services;
    private final InteractionResponder responder;
    private final Interaction interaction;
    private final CustomId customId;
    private int answers;

    ComponentInvocation(CommandRequest request, WorkerServices services, InteractionResponder responder,
            Interaction interaction, CustomId customId) {
        this.request = request;
        this.services = services;
        this.responder = responder;
        this.interaction = interaction;
        this.customId = customId;
    }

    @Override
    public CustomId customId() {
        return customId;
    }

    @Override
    public Interaction interaction() {
        return interaction;
    }

    @Override
    public void reply(Reply message) {
        String step = "reply#" + answers++;
        once(step, () -> responder.reply(message, step));
    }

    @Override
    public void update(Reply message) {
        String step = "update#" + answers++;
        once(step, () -> responder.update(message, step));
    }

    @Override
    public void deferUpdate() {
        responder.deferUpdate();
    }

    @Override
    public void defer(boolean privately) {
        responder.deferVisibility(privately);
        responder.defer();
    }

    @Override
    public void showModal(Modal modal) {
        once("modal", () -> responder.firstAnswer(CallbackRules.MODAL, modal.toJson(), "modal"));
    }

    @Override
    public boolean once(String stepName, Runnable step) {
        String key = request.key();
        if (services.journal().has(key, stepName)) {
            return false;
        }
        step.run();
        services.journal().mark(key, stepName);
        return true;
    }

    @Override
    public DiscordApi discord() {
        return services.discord();
    }

    @Override
    public HubApi hub() {
        return services.hub();
    }

    @Override
    public HubClient hubClient() {
        return services.hubClient();
    }

    @Override
    public Clock clock() {
        return services.clock();
    }

    @Override
    public <S> Optional<S> service(Class<S> type) {
        return services.extra(type);
    }
}
