package dev.hubcord.discordrest;

/**
 * A Discord REST call that did not succeed. For {@link Kind#HTTP} the status and Discord's JSON error code
 * ({@code 50013} Missing Permissions, {@code 10007} Unknown Member, ...) say why.
 */
public final class DiscordRestException extends RuntimeException {

    /** Why the call failed. */
    public enum Kind {
        /** Discord answered with an error status (4xx, or 5xx after the retries). */
        HTTP,
        /** Still rate limited after the allowed number of 429 retries. */
        RATE_LIMITED,
        /** Refused locally: too many 401/403/429 responses in the last 10 minutes (Discord would ban the IP). */
        INVALID_REQUEST_CAP,
        /** Cloudflare refused the request (429 "error code: 1015"): too many invalid requests, the IP is banned. */
        BANNED,
        /** No answer within the timeout, after the retries. */
        TIMEOUT,
        /** The connection failed, after the retries. */
        IO,
        /**
         * The request went out but its outcome is unknown (timeout, connection lost, 5xx), and it is not safe to
         * repeat (see {@link Replay}): Discord may or may not have acted.
         */
        UNKNOWN_OUTCOME,
        /** The calling thread was interrupted while waiting. */
        INTERRUPTED
    }

    private final Kind kind;
    private final int status;
    private final int code;

    public DiscordRestException(Kind kind, int status, int code, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.status = status;
        this.code = code;
    }

    public DiscordRestException(Kind kind, String message, Throwable cause) {
        this(kind, 0, 0, message, cause);
    }

    public Kind kind() {
        return kind;
    }

    /** The HTTP status, or 0 when there was none. */
    public int status() {
        return status;
    }

    /** Discord's JSON error code ({@code code} in the body), or 0. */
    public int code() {
        return code;
    }
}
