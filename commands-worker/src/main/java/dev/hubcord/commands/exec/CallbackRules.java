package dev.hubcord.commands.exec;

import java.util.Map;
import java.util.Set;

/**
 * Which interaction callback types Discord accepts for which interaction types. Checked before the call, so a
 * handler that, say, asks to update the message of a slash command fails at once with a message saying why, rather
 * than with Discord's 400 (after which the interaction would expire unanswered).
 */
final class CallbackRules {

    static final int MESSAGE = 4;
    static final int DEFERRED_MESSAGE = 5;
    static final int DEFERRED_UPDATE = 6;
    static final int UPDATE = 7;
    static final int AUTOCOMPLETE_RESULT = 8;
    static final int MODAL = 9;

    private static final Map<Integer, Set<Integer>> ALLOWED = Map.of(
            2, Set.of(MESSAGE, DEFERRED_MESSAGE, MODAL),
            3, Set.of(MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE, MODAL),
            4, Set.of(AUTOCOMPLETE_RESULT),
            5, Set.of(MESSAGE, DEFERRED_MESSAGE, DEFERRED_UPDATE, UPDATE));

    private static final Map<Integer, String> NAMES = Map.of(2, "an application command", 3, "a message component",
            4, "an autocomplete", 5, "a modal submit");

    private static final Map<Integer, String> CALLBACKS = Map.of(MESSAGE, "a message", DEFERRED_MESSAGE,
            "a deferred message", DEFERRED_UPDATE, "a deferred update", UPDATE, "a message update",
            AUTOCOMPLETE_RESULT, "autocomplete choices", MODAL, "a modal");

    private CallbackRules() {
    }

    /** Throws when Discord would refuse {@code callbackType} for {@code interactionType}. */
    static void check(int interactionType, int callbackType) {
        if (!ALLOWED.getOrDefault(interactionType, Set.of()).contains(callbackType)) {
            throw new IllegalStateException("Discord does not accept " + CALLBACKS.get(callbackType) + " (callback "
                    + callbackType + ") in answer to " + NAMES.getOrDefault(interactionType, "this")
                    + " interaction (type " + interactionType + ")");
        }
    }
}
