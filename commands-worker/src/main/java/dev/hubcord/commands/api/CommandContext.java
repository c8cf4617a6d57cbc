package dev.hubcord.commands.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.hub.HubMember;
import dev.hubcord.commands.hub.HubUser;
import dev.hubcord.commands.interactions.Interaction;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.commands.lookup.MemberDirectory;
import dev.hubcord.protocol.client.HubClient;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

/** One invocation: who, where, the parsed arguments, and how to answer. Used by one thread at a time. */
public interface CommandContext {

    /** The name the command was invoked with (an alias, perhaps). */
    String invokedAs();

    /** The command's registered spec. */
    CommandSpec spec();

    String guildId();

    String channelId();

    String authorId();

    /** The message that invoked a prefix command, or {@code null} for a slash command. */
    String messageId();

    boolean isSlashCommand();

    /** The value of a required argument (or of an optional one that was given). */
    <T> T get(Argument<T> argument);

    /** The value of an optional argument. */
    <T> Optional<T> optional(Argument<T> argument);

    /**
     * Answers: a reply to the message for a prefix command; for a slash command the interaction response, or,
     * after a deferral, the deferred message and then follow-ups. Each call sends one message.
     */
    void reply(String content);

    /** Like {@link #reply} but only the invoker sees it for slash commands (a normal reply otherwise). */
    void replyPrivately(String content);

    /**
     * Answers with a whole message: embeds, components, allowed mentions, ephemeral ({@link Reply#asEphemeral()}).
     * Same rules as {@link #reply(String)}: the response, the deferred message, then follow-ups; exactly once.
     */
    void reply(Reply message);

    /** Defers now, publicly or ephemerally; the message that fills the deferral keeps that visibility. */
    default void defer(boolean privately) {
        defer();
    }

    /** Opens a modal (slash commands and components only; must be the first answer, within 3 s). */
    default void showModal(dev.hubcord.commands.components.Modal modal) {
        throw new UnsupportedOperationException("a prefix command cannot open a modal");
    }

    /** Edits the interaction's original response. */
    default void editOriginal(Reply message) {
        throw new UnsupportedOperationException("only interactions have an original response");
    }

    /** Deletes the interaction's original response. */
    default void deleteOriginal() {
        throw new UnsupportedOperationException("only interactions have an original response");
    }

    /** The subcommand invoked: {@code "sub"} or {@code "group sub"}; empty for a command without subcommands. */
    default Optional<String> subcommand() {
        return Optional.empty();
    }

    /** The interaction, for slash commands and context menus. */
    default Optional<Interaction> interaction() {
        return Optional.empty();
    }

    /** A user context menu's target user (with {@link #targetMember()} in a guild). */
    default Optional<HubUser> targetUser() {
        return interaction().flatMap(i -> i.targetId().flatMap(id -> i.resolved().user(id)));
    }

    default Optional<HubMember> targetMember() {
        return interaction().flatMap(i -> i.targetId().flatMap(id -> i.resolved().member(id)));
    }

    /** A message context menu's target message (Discord's message object). */
    default Optional<JsonNode> targetMessage() {
        return interaction().flatMap(i -> i.targetId().flatMap(id -> i.resolved().message(id)));
    }

    /**
     * For a slash command that will take a while: acknowledges the interaction now ("thinking..."). The worker
     * does this by itself when no reply has been sent shortly before Discord's 3-second limit. No-op otherwise.
     */
    void defer();

    /**
     * Runs {@code step} once per invocation, even if the command is delivered again after a worker died: the
     * result is journaled under the message or interaction ID, and a rerun returns {@code false} without running
     * it. Use it around side effects that must not repeat (a ban, a message).
     *
     * @return whether the step ran now
     */
    boolean once(String stepName, Runnable step);

    DiscordApi discord();

    HubApi hub();

    /** Members and users: the hub's cache, with Discord's REST API behind it in a running worker. */
    default MemberDirectory members() {
        return MemberDirectory.cacheOnly(hub());
    }

    /** The worker's hub connection, for events and requests to other services (audio workers). */
    HubClient hubClient();

    /** The bot's user ID, as the hub reported it. */
    String botUserId();

    Clock clock();

    /** A service the worker offers to commands (e.g. the timed-ban store), or empty. */
    <S> Optional<S> service(Class<S> type);

    /** Every registered command, for {@code help}. */
    java.util.List<CommandSpec> commands();

    /** Measures a call in milliseconds (for {@code ping}). */
    static long millis(Supplier<?> call) {
        long start = System.nanoTime();
        call.get();
        return (System.nanoTime() - start) / 1_000_000;
    }
}
