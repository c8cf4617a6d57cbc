package dev.hubcord.commands.discord;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * Message nonces derived from what caused the message, so that sending it again (a retry, or a rerun of the
 * command on another worker after the first one died) carries the same nonce, and Discord, told
 * {@code enforce_nonce: true}, returns the first message instead of creating a second.
 */
public final class Nonces {

    /** Discord's limit for {@code nonce} strings. */
    public static final int MAX_LENGTH = 25;

    private Nonces() {}

    /**
     * A nonce for one message of one cause: the first 25 characters of the URL-safe Base64 of SHA-256 over the
     * parts (150 bits: collisions between causes are not a concern). E.g. {@code of("message:123", "reply#0")}.
     */
    public static String of(String cause, String step) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest((cause + '\n' + step).getBytes(StandardCharsets.UTF_8));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, MAX_LENGTH);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
