package dev.hubcord.discordrest;

import java.util.Locale;
import java.util.Set;

/**
 * Whether a request may be sent again after an attempt whose outcome is unknown: no answer within the timeout, the
 * connection lost after the request went out, or a 5xx (Discord may have acted before failing). A request that is
 * not {@code safe} is never repeated then, since that could repeat its effect (a second message, a second
 * follow-up); the call fails with {@link DiscordRestException.Kind#UNKNOWN_OUTCOME}. A request that never left
 * (connection refused, connect timeout) is always retried, and so are 429s.
 *
 * @param safe repeating it has the effect of doing it once (GET, PUT, PATCH to absolute values, a message create
 *     with {@code enforce_nonce})
 * @param doneCodes Discord error codes that, on a repeat after an unknown outcome, mean the first attempt worked
 *     (40060 for an interaction callback, 10026 Unknown Ban for an unban ...): the call then returns that response
 *     as success instead of failing
 */
public record Replay(boolean safe, Set<Integer> doneCodes) {

    /** Not repeatable: a repeat could do it twice (a follow-up, a message without a nonce). */
    public static final Replay NEVER = new Replay(false, Set.of());
    /** Repeatable as it is. */
    public static final Replay SAFE = new Replay(true, Set.of());

    public Replay {
        doneCodes = Set.copyOf(doneCodes);
    }

    /** Repeatable; a repeat answered with one of {@code codes} means the first attempt had already worked. */
    public static Replay doneIf(Integer... codes) {
        return new Replay(true, Set.of(codes));
    }

    /** The default by method: GET, HEAD and PUT are idempotent in HTTP's sense; POST, PATCH and DELETE are not. */
    public static Replay forMethod(String method) {
        return switch (method.toUpperCase(Locale.ROOT)) {
            case "GET", "HEAD", "PUT", "OPTIONS" -> SAFE;
            default -> NEVER;
        };
    }
}
