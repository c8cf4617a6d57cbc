package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * Discord's REST limits: a global per-token window, and per-route buckets keyed by (bucket, major parameter) with
 * fixed windows that start at the first request. Produces the {@code X-RateLimit-*} headers and the three kinds of
 * 429: per route ({@code Scope: user}), shared ({@code Scope: shared}) and global ({@code X-RateLimit-Global}, no
 * bucket headers).
 */
final class RateLimiter {

    private static final class Window {
        int used;
        long resetAtNanos;
        long resetAtEpochMillis;
    }

    private RestConfig config;
    private final Map<String, Window> buckets = new HashMap<>();
    private final Map<String, Window> globals = new HashMap<>();

    RateLimiter(RestConfig config) {
        this.config = config;
    }

    synchronized void reconfigure(RestConfig newConfig) {
        this.config = newConfig;
        buckets.clear();
        globals.clear();
    }

    synchronized RestConfig config() {
        return config;
    }

    /**
     * Takes one request slot. Returns a 429 response when limited; otherwise null, having put the bucket headers for
     * the eventual response into {@code headers}.
     */
    synchronized RestExchange.Response acquire(Route route, String major, String token, Map<String, String> headers) {
        long nowNanos = System.nanoTime();
        long nowMillis = System.currentTimeMillis();
        if (!route.globalExempt() && token != null) {
            Window g = roll(globals.computeIfAbsent(token, k -> new Window()), config.globalWindowMs(), nowNanos,
                    nowMillis);
            if (g.used >= config.globalLimit()) {
                double retry = seconds(g.resetAtNanos - nowNanos);
                return limited("You are being rate limited.", retry, true)
                        .withHeader("Retry-After", retryAfterHeader(retry))
                        .withHeader("X-RateLimit-Global", "true")
                        .withHeader("X-RateLimit-Scope", "global");
            }
            g.used++;
        }
        RestConfig.BucketLimit limit = route.bucket() == null ? null : config.buckets().get(route.bucket());
        if (limit == null) {
            return null;
        }
        Window b = roll(buckets.computeIfAbsent(route.bucket() + "|" + major, k -> new Window()), limit.windowMs(),
                nowNanos, nowMillis);
        headers.put("X-RateLimit-Limit", Integer.toString(limit.limit()));
        headers.put("X-RateLimit-Reset", format(b.resetAtEpochMillis / 1000.0));
        headers.put("X-RateLimit-Reset-After", format(seconds(b.resetAtNanos - nowNanos)));
        headers.put("X-RateLimit-Bucket", hash(route.bucket()));
        if (b.used >= limit.limit()) {
            headers.put("X-RateLimit-Remaining", "0");
            double retry = seconds(b.resetAtNanos - nowNanos);
            RestExchange.Response r = limit.shared()
                    ? limited("The resource is being rate limited.", retry, false)
                    : limited("You are being rate limited.", retry, false);
            r.headers().putAll(headers);
            return r.withHeader("Retry-After", retryAfterHeader(retry))
                    .withHeader("X-RateLimit-Scope", limit.shared() ? "shared" : "user");
        }
        b.used++;
        headers.put("X-RateLimit-Remaining", Integer.toString(limit.limit() - b.used));
        return null;
    }

    private static Window roll(Window w, long windowMs, long nowNanos, long nowMillis) {
        if (w.resetAtNanos == 0 || nowNanos >= w.resetAtNanos) {
            w.used = 0;
            w.resetAtNanos = nowNanos + windowMs * 1_000_000L;
            w.resetAtEpochMillis = nowMillis + windowMs;
        }
        return w;
    }

    private static RestExchange.Response limited(String message, double retryAfter, boolean global) {
        ObjectNode body = Json.obj();
        body.put("message", message);
        body.put("retry_after", Math.round(retryAfter * 1000) / 1000.0);
        body.put("global", global);
        return RestExchange.Response.json(429, body);
    }

    private static double seconds(long nanos) {
        return Math.max(0, nanos) / 1e9;
    }

    private static String retryAfterHeader(double seconds) {
        return Long.toString(Math.max(1, (long) Math.ceil(seconds)));
    }

    private static String format(double seconds) {
        return String.format(Locale.ROOT, "%.3f", seconds);
    }

    /** An opaque bucket hash, stable per bucket name (excludes major parameters, like Discord's). */
    static String hash(String bucket) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(bucket.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }
}
