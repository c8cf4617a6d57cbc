package dev.hubcord.commands.exec;

import dev.hubcord.commands.api.Argument;
import dev.hubcord.commands.api.CommandContext;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.api.Resolver;
import dev.hubcord.commands.discord.DiscordApi;
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

    InvocationContext(CommandRequest request, WorkerServices services, Responder responder) {
        this.request = request;
        this.services = services;
        this.responder = responder;
        this.members = new MemberDirectory(services.hub(), services.discord(), services.hubClient());
    }

    void bind(CommandSpec commandSpec, ParsedArguments parsed) {
        this.spec = commandSpec;
        this.arguments = parsed;
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
        String text = content.length() > 2000 ? content.substring(0, 1997) + "..." : content;
        String step = "reply#" + replies++;
        once(step, () -> responder.reply(text, privately, step));
    }

    @Override
    public void defer() {
        responder.defer();
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
