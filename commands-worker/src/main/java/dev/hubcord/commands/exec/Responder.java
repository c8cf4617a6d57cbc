package dev.hubcord.commands.exec;

/** How one invocation answers: a message reply, or an interaction response. */
sealed interface Responder permits MessageResponder, InteractionResponder {

    /** Sends one message; {@code privately} makes it ephemeral where that exists. */
    void reply(String content, boolean privately);

    /** Acknowledges now that the answer will come later (interactions only). */
    void defer();

    /** Called when the command has finished: an interaction must not be left unanswered or "thinking". */
    void finish();
}
