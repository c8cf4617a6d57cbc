package dev.hubcord.discordrest;

import java.net.URI;
import java.time.Duration;
import java.util.Objects;

/**
 * How the REST client behaves.
 *
 * @param apiBase e.g. {@code https://discord.com/api/v10}
 * @param token the bot token, sent as {@code Authorization: Bot <token>}
 * @param timeout the limit for one HTTP exchange
 * @param retries retries after a 5xx, a timeout or an I/O error (with a growing pause)
 * @param max429Retries how many 429s one call may meet before it fails with {@code RATE_LIMITED}
 * @param globalLimit requests per second across routes (Discord's global limit)
 * @param invalidCap 401/403/429 responses per 10 minutes before requests are refused
 * @param resetMargin added to every bucket reset, for the rounding of {@code Reset-After} and clock edges
 */
public record RestOptions(URI apiBase, String token, Duration timeout, int retries, int max429Retries,
        int globalLimit, int invalidCap, Duration resetMargin) {

    /** Discord asks for {@code DiscordBot ($url, $versionNumber)}. */
    public static final String USER_AGENT = "DiscordBot (https://github.com/hubcord/hubcord, 0.1.0)";

    public RestOptions {
        Objects.requireNonNull(apiBase, "apiBase");
        Objects.requireNonNull(token, "token");
        if (retries < 0 || max429Retries < 0 || globalLimit < 1 || invalidCap < 1) {
            throw new IllegalArgumentException("retries must be >= 0, limits >= 1");
        }
    }

    public static RestOptions defaults(URI apiBase, String token) {
        return new RestOptions(apiBase, token, Duration.ofSeconds(15), 3, 10, 50, 9_000, Duration.ofMillis(50));
    }

    public RestOptions withGlobalLimit(int limit) {
        return new RestOptions(apiBase, token, timeout, retries, max429Retries, limit, invalidCap, resetMargin);
    }

    public RestOptions withTimeout(Duration newTimeout, int newRetries) {
        return new RestOptions(apiBase, token, newTimeout, newRetries, max429Retries, globalLimit, invalidCap,
                resetMargin);
    }

    public RestOptions withInvalidCap(int cap) {
        return new RestOptions(apiBase, token, timeout, retries, max429Retries, globalLimit, cap, resetMargin);
    }

    @Override
    public String toString() {
        return "RestOptions[apiBase=" + apiBase + ", token=<hidden>, timeout=" + timeout + ", retries=" + retries + "]";
    }
}
