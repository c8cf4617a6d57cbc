package dev.hubcord.commands.exec;

import dev.hubcord.commands.interactions.Reply;

/** How one invocation answers: a message reply, or an interaction response. */
sealed interface Responder permits MessageResponder, InteractionResponder {

    /**
     * Sends one message; {@link Reply#ephemeral()} makes it ephemeral where that exists. {@code step} names the
     * answer within the invocation ({@code reply#0}, {@code reply#1}, ...), the same in a rerun, so that a rerun can
     * send the very same message.
     */
    void reply(Reply reply, String step);

    /** Acknowledges now that the answer will come later (interactions only). */
    void defer();

    /** Called when the command has finished: an interaction must not be left unanswered or "thinking". */
    void finish();
}
