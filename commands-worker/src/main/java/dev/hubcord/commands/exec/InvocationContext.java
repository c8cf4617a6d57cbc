package dev.hubcord.commands.exec;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Resolver;
import dev.hubcord.commands.components.Modal;
import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.commands.lookup.MemberDirectory;
import dev.hubcord.commands.parse.ParsedArguments;
import dev.hubcord.protocol.client.HubClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/** The {@link CommandContext} of one invocation. Answers are journaled, so a rerun does not repeat them. */
final class InvocationContext implements CommandContext, Resolver {

    private final CommandRequest request;
    private final WorkerServices services;
    private final Responder responder;
    private final MemberDirectory members;
    private CommandSpec spec;
    private ParsedArguments arguments = new ParsedArguments(java.util.Map.of());
    private int replies;
    private String subcommand;
    private final dev.hubcord.commands.interactions.Interaction interaction;

    InvocationContext(CommandRequest request, WorkerServices services, Responder responder) {
        this.request = request;
        this.services = services;
        this.responder = responder;
        this.members = new MemberDirectory(services.hub(), services.discord(), services.hubClient());
        CommandRequest.Interaction i = request.interaction();
        this.interaction = i == null ? null : dev.hubcord.commands.interactions.Interaction.of(
                request.rawInteraction(), i.id(), i.token(), i.applicationId(), i.type());
    }

    void bind(CommandSpec commandSpec, ParsedArguments parsed) {
        this.spec = commandSpec;
        this.arguments = parsed;
    }

    void bindSubcommand(String path) {
        this.subcommand = path;
    }

    @Override
    public Optional<String> subcommand() {
        return Optional.ofNullable(subcommand);
    }

    @Override
    public Optional<dev.hubcord.commands.interactions.Interaction> interaction() {
        return Optional.ofNullable(interaction);
    }

    @Override
    public Optional<dev.hubcord.commands.interactions.Resolved> resolved() {
        return interaction().map(dev.hubcord.commands.interactions.Interaction::resolved);
    }

    CommandRequest request() {
        return request;
    }

    @Override
    public String invokedAs() {
        return request.command();
    }

    @Override
    public CommandSpec spec() {
        return spec;
    }

    @Override
    public String guildId() {
        return request.guildId();
    }

    @Override
    public String channelId() {
        return request.channelId();
    }

    @Override
    public String authorId() {
        return request.authorId();
    }

    @Override
    public String messageId() {
        return request.interaction() == null ? request.messageId() : null;
    }

    @Override
    public boolean isSlashCommand() {
        return request.interaction() != null;
    }

    @Override
    public <T> T get(Argument<T> argument) {
        return arguments.get(argument).orElseThrow(() -> new IllegalStateException(
                "argument " + argument.name() + " was not given; declare it required or use optional()"));
    }

    @Override
    public <T> Optional<T> optional(Argument<T> argument) {
        return arguments.get(argument);
    }

    @Override
    public void reply(String content) {
        answer(content, false);
    }

    @Override
    public void replyPrivately(String content) {
        answer(content, true);
    }

    private void answer(String content, boolean privately) {
        String text = content.length() > Reply.MAX_CONTENT ? content.substring(0, 1997) + "..." : content;
        Reply reply = Reply.text(text);
        reply(privately ? reply.asEphemeral() : reply);
    }

    @Override
    public void reply(Reply message) {
        String step = "reply#" + replies++;
        once(step, () -> responder.reply(message, step));
    }

    @Override
    public void defer() {
        responder.defer();
    }

    @Override
    public void defer(boolean privately) {
        if (responder instanceof InteractionResponder r) {
            r.deferVisibility(privately);
        }
        responder.defer();
    }

    @Override
    public void showModal(Modal modal) {
        InteractionResponder r = interactionResponder("a modal");
        once("modal", () -> r.firstAnswer(CallbackRules.MODAL, modal.toJson(), "modal"));
    }

    @Override
    public void editOriginal(Reply message) {
        interactionResponder("an edit");
        String step = "edit#" + replies++;
        once(step, () -> services.discord().editOriginal(request.interaction().applicationId(),
                request.interaction().token(), message.toJson(false)));
    }

    @Override
    public void deleteOriginal() {
        interactionResponder("a delete");
        once("delete-original", () -> services.discord().deleteOriginal(request.interaction().applicationId(),
                request.interaction().token()));
    }

    private InteractionResponder interactionResponder(String what) {
        if (responder instanceof InteractionResponder r) {
            return r;
        }
        throw new UnsupportedOperationException(what + " needs an interaction; this is a prefix command");
    }

    @Override
    public boolean once(String stepName, Runnable step) {
        String key = request.key();
        if (key == null) {
            step.run();
            return true;
        }
        if (services.journal().has(key, stepName)) {
            return false;
        }
        step.run();
        services.journal().mark(key, stepName);
        return true;
    }

    void finish() {
        responder.finish();
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
    public MemberDirectory members() {
        return members;
    }

    @Override
    public HubClient hubClient() {
        return services.hubClient();
    }

    @Override
    public String botUserId() {
        return services.botUserId().get();
    }

    @Override
    public Clock clock() {
        return services.clock();
    }

    @Override
    public <S> Optional<S> service(Class<S> type) {
        return services.extra(type);
    }

    @Override
    public List<CommandSpec> commands() {
        return services.registry().specs();
    }
}
