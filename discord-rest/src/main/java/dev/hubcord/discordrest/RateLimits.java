package dev.hubcord.discordrest;

/**
 * Who decides when a request may go to Discord: the seam between {@link DiscordRest} (transport, retries) and the
 * rate-limit state. {@link LocalRateLimits} keeps the state in this process; {@link HubRateLimits} asks the hub,
 * which keeps it for every process of the deployment, and falls back to a local share when the hub does not answer.
 */
public sealed interface RateLimits extends AutoCloseable permits LocalRateLimits, HubRateLimits {

    /**
     * Waits until {@code route} may be sent (its bucket has room and, unless the route is exempt, the global limit
     * too). The caller sends the request and then must {@link Permit#complete} the permit exactly once.
     *
     * @throws DiscordRestException {@code INVALID_REQUEST_CAP} while too many invalid requests were counted
     */
    Permit acquire(Route route) throws InterruptedException;

    /** 401/403/429 (except {@code shared}) responses counted in the last 10 minutes, as far as this limiter knows. */
    int invalidRequestCount();

    /** Whether a global 429 pause is running. */
    boolean globallyPaused();

    @Override
    default void close() {}

    /** Permission for one request. */
    interface Permit {
        /**
         * Reports what Discord answered ({@code null}: no answer, e.g. an I/O error), so the limiter learns the
         * bucket's headers, a 429's {@code Retry-After} and scope, and counts invalid requests. Idempotent.
         */
        void complete(RestResponse response);
    }
}
