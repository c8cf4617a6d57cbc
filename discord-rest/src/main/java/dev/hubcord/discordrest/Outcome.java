package dev.hubcord.discordrest;

import java.util.Locale;
import java.util.Optional;

/**
 * What a response means for the rate limits, read from its headers once: the bucket headers, and for a 429 its
 * scope and wait. Both limiters use it, and {@link HubRateLimits} sends it to the hub as {@code RATELIMIT_UPDATE}.
 *
 * @param status the HTTP status, 0 when there was no answer
 * @param bucket {@code X-RateLimit-Bucket}, or null
 * @param limit {@code X-RateLimit-Limit}, or -1
 * @param remaining {@code X-RateLimit-Remaining}, or -1 when absent
 * @param resetAfter {@code X-RateLimit-Reset-After} in seconds, or -1 when absent
 * @param scope for a 429: {@code user}, {@code shared}, {@code global} or {@link #CLOUDFLARE}; otherwise null
 * @param retryAfter for a 429: seconds to wait (body {@code retry_after}, else {@code Retry-After}); otherwise 0
 */
public record Outcome(int status, String bucket, int limit, int remaining, double resetAfter, String scope,
        double retryAfter) {

    /** The scope given to a 429 without JSON body and without scope: Cloudflare's temporary IP ban. */
    public static final String CLOUDFLARE = "cloudflare";

    /** Reads a response ({@code null}: no answer). */
    public static Outcome of(RestResponse r) {
        if (r == null) {
            return new Outcome(0, null, -1, -1, -1, null, 0);
        }
        String scope = null;
        double retry = 0;
        if (r.status() == 429) {
            scope = r.header("X-RateLimit-Scope").map(s -> s.toLowerCase(Locale.ROOT)).orElse("user");
            boolean global = r.header("X-RateLimit-Global").map("true"::equalsIgnoreCase).orElse(false)
                    || r.body().path("global").asBoolean(false);
            if (global) {
                scope = "global";
            } else if (r.body().isMissingNode() && r.header("X-RateLimit-Scope").isEmpty()) {
                scope = CLOUDFLARE; // Cloudflare's HTML "error code: 1015": the IP is banned, not a bucket limited
            }
            retry = DiscordRest.retryAfter(r);
        }
        return new Outcome(r.status(), r.header("X-RateLimit-Bucket").orElse(null), integer(r, "X-RateLimit-Limit"),
                integer(r, "X-RateLimit-Remaining"), r.seconds("X-RateLimit-Reset-After").orElse(-1.0), scope, retry);
    }

    /** Whether Discord counts it toward the invalid-request limit (401, 403, 429 except scope shared). */
    public boolean invalid() {
        return status == 401 || status == 403 || (status == 429 && !"shared".equals(scope));
    }

    public boolean hasBucketHeaders() {
        return remaining >= 0 && resetAfter >= 0;
    }

    private static int integer(RestResponse r, String header) {
        Optional<String> v = r.header(header);
        try {
            return v.map(s -> Integer.parseInt(s.trim())).orElse(-1);
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
