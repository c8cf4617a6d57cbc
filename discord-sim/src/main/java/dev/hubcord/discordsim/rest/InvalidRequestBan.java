package dev.hubcord.discordsim.rest;

import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayDeque;

/**
 * Discord's invalid-request limit: {@code limit} responses of 401, 403 or 429 (except scope {@code shared}) within
 * {@code windowMs} get the IP banned by Cloudflare for {@code banMs}; meanwhile every request is answered 429 with
 * the text body {@code error code: 1015}, {@code Retry-After} and no {@code Via} header (which is how clients tell
 * it from an API 429). Real values: 10,000 per 10 minutes, a ban of about an hour (unpublished).
 */
final class InvalidRequestBan {

    /** Most timestamps kept: beyond the limit they are not needed to decide. */
    private final ArrayDeque<Long> times = new ArrayDeque<>();
    private int limit = 10_000;
    private long windowMs = 600_000;
    private long banMs = 3_600_000;
    private long bannedUntilMs;

    synchronized void configure(int newLimit, long newWindowMs, long newBanMs) {
        limit = Math.max(1, newLimit);
        windowMs = Math.max(1, newWindowMs);
        banMs = Math.max(1, newBanMs);
        times.clear();
        bannedUntilMs = 0;
    }

    /** Counts an invalid response; at the limit the ban starts. */
    synchronized void record(long nowMs) {
        times.addLast(nowMs);
        while (!times.isEmpty() && (nowMs - times.peekFirst() >= windowMs || times.size() > limit)) {
            times.pollFirst();
        }
        if (times.size() >= limit && bannedUntilMs <= nowMs) {
            bannedUntilMs = nowMs + banMs;
            times.clear();
        }
    }

    /** The Cloudflare refusal while banned, else null. */
    synchronized RestExchange.Response refusal(long nowMs) {
        if (nowMs >= bannedUntilMs) {
            return null;
        }
        long seconds = Math.max(1, (bannedUntilMs - nowMs + 999) / 1000);
        return new RestExchange.Response(429, new java.util.LinkedHashMap<>(), TextNode.valueOf("error code: 1015"))
                .withHeader("Retry-After", Long.toString(seconds))
                .withHeader("Content-Type", "text/plain; charset=UTF-8");
    }
}
