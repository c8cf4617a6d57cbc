package dev.hubcord.commands.components;

import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.hub.HubApi;
import dev.hubcord.commands.interactions.Interaction;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.protocol.client.HubClient;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * One component interaction (a button click, a select choice) or modal submit, and the ways to answer it. The first
 * answer is the interaction's response (within 3 s; the framework defers an update by itself before that), later
 * ones are follow-ups. Every answer is sent exactly once, even when the interaction is delivered again to another
 * worker after this one died.
 */
public interface ComponentContext {

    /** The parsed custom ID: the handler's name and the arguments. */
    CustomId customId();

    /** Argument {@code index} of the custom ID. */
    default String arg(int index) {
        return customId().arg(index);
    }

    Interaction interaction();

    /** Whether this is a modal submit (else a component on a message). */
    default boolean isModalSubmit() {
        return interaction().type() == Interaction.MODAL_SUBMIT;
    }

    /** A select's chosen values: option values, or IDs (see {@code interaction().resolved()} for the entities). */
    default List<String> values() {
        return interaction().values();
    }

    /** A modal's text input value by the input's custom ID. */
    default Optional<String> textValue(String inputCustomId) {
        return interaction().textValue(inputCustomId);
    }

    default String userId() {
        return interaction().user() == null ? null : interaction().user().id();
    }

    default String guildId() {
        return interaction().guildId();
    }

    default String channelId() {
        return interaction().channelId();
    }

    /** A new message (callback 4), or a follow-up after the first answer. */
    void reply(Reply message);

    default void reply(String content) {
        reply(Reply.text(content));
    }

    default void replyPrivately(String content) {
        reply(Reply.text(content).asEphemeral());
    }

    /** Changes the message the component is on (callback 7); after the first answer, edits it. */
    void update(Reply message);

    /** Acknowledges without changing anything yet (callback 6); {@link #update} afterwards edits the message. */
    void deferUpdate();

    /** Acknowledges with "thinking..." (callback 5); the next {@link #reply} fills it in with that visibility. */
    void defer(boolean privately);

    /** Opens a modal (callback 9); not possible in answer to a modal submit. */
    void showModal(Modal modal);

    /** Runs a side effect once per interaction (see {@code CommandContext.once}). */
    boolean once(String stepName, Runnable step);

    DiscordApi discord();

    HubApi hub();

    /** The worker's hub connection, for events and requests to other services (audio workers). */
    HubClient hubClient();

    Clock clock();

    /** A service the worker offers (e.g. the timed-ban store), or empty. */
    <S> Optional<S> service(Class<S> type);
}
