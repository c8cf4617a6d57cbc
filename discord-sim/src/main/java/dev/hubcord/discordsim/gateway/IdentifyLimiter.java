package dev.hubcord.discordsim.gateway;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import java.util.HashMap;
import java.util.Map;

/**
 * IDENTIFY concurrency and session-start accounting. Each rate-limit key {@code shard_id % max_concurrency} allows one
 * IDENTIFY per window (remembered as the time of the last accepted IDENTIFY per key); {@code remaining} drops by one
 * per accepted IDENTIFY, never on RESUME, and refills after {@code reset_after}.
 */
final class IdentifyLimiter {

    enum Outcome { ACCEPTED, CONCURRENCY_LIMITED, EXHAUSTED }

    private final GatewayConfig config;
    private final Map<Integer, Long> lastByKey = new HashMap<>();
    private int remaining;
    private long resetAtMillis;

    IdentifyLimiter(GatewayConfig config) {
        this.config = config;
        this.remaining = config.sessionStartTotal();
        this.resetAtMillis = System.currentTimeMillis() + config.sessionStartResetAfterMs();
    }

    synchronized Outcome tryIdentify(int shardId) {
        refill();
        int key = shardId % config.maxConcurrency();
        long now = System.nanoTime();
        Long last = lastByKey.get(key);
        if (last != null && now - last < config.identifyWindowMs() * 1_000_000L) {
            return Outcome.CONCURRENCY_LIMITED;
        }
        if (remaining <= 0) {
            return Outcome.EXHAUSTED;
        }
        lastByKey.put(key, now);
        remaining--;
        return Outcome.ACCEPTED;
    }

    synchronized int remaining() {
        refill();
        return remaining;
    }

    /** {@code session_start_limit} as {@code GET /gateway/bot} reports it. */
    synchronized ObjectNode sessionStartLimit() {
        refill();
        ObjectNode l = Json.obj();
        l.put("total", config.sessionStartTotal());
        l.put("remaining", remaining);
        l.put("reset_after", Math.max(0, resetAtMillis - System.currentTimeMillis()));
        l.put("max_concurrency", config.maxConcurrency());
        return l;
    }

    /** Sets {@code remaining} directly (control API), e.g. to 0 to provoke exhaustion. */
    synchronized void setRemaining(int value) {
        remaining = value;
    }

    private void refill() {
        long now = System.currentTimeMillis();
        if (now >= resetAtMillis) {
            remaining = config.sessionStartTotal();
            resetAtMillis = now + config.sessionStartResetAfterMs();
        }
    }
}
