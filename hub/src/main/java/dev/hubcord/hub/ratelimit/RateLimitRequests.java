package dev.hubcord.hub.ratelimit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.core.CloseException;
import dev.hubcord.hub.metrics.HubMetrics;
import dev.hubcord.protocol.CloseCode;
import io.micrometer.core.instrument.Counter;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads {@code RATELIMIT_ACQUIRE} and {@code RATELIMIT_UPDATE} and answers them from a {@link RateLimitCoordinator}.
 * A malformed one closes the connection with 4005, like any other invalid event.
 */
public final class RateLimitRequests {

    static final int MAX_KEY_LENGTH = 200;
    /** A declared global limit above this (or below 1) is ignored. */
    static final int MAX_GLOBAL_LIMIT = 100_000;
    /** At most this many unheard sends in one {@code RATELIMIT_ACQUIRE}, each at most this many ms old. */
    static final int MAX_RECENT = 1_000;
    static final int MAX_RECENT_MS = 1_000;

    private final RateLimitCoordinator coordinator;
    private final Counter granted;
    private final Counter waited;
    private final Counter refused;

    public RateLimitRequests(RateLimitCoordinator coordinator, HubMetrics metrics) {
        this.coordinator = coordinator;
        this.granted = counter(metrics, "granted");
        this.waited = counter(metrics, "wait");
        this.refused = counter(metrics, "refused");
        metrics.gauge("hub_ratelimit_buckets", "Discord rate-limit buckets the hub tracks (RATELIMIT_*)", coordinator,
                RateLimitCoordinator::bucketCount);
        metrics.gauge("hub_ratelimit_clients", "live sessions that have asked for a Discord REST permit",
                coordinator, RateLimitCoordinator::clients);
        metrics.gauge("hub_ratelimit_invalid_requests", "401/403/429 responses reported in the last 10 minutes",
                coordinator, RateLimitCoordinator::invalidCount);
    }

    private static Counter counter(HubMetrics metrics, String result) {
        return Counter.builder("hub.ratelimit.acquire").description("RATELIMIT_ACQUIRE answers by result")
                .tag("result", result).register(metrics.registry());
    }

    /** The REPLY to {@code RATELIMIT_ACQUIRE {nonce, route, major, global, globalLimit?, knownClients?, recent?}}. */
    public Map<String, Object> acquire(String session, JsonNode d) {
        String route = text(d, "route", "RATELIMIT_ACQUIRE");
        String major = text(d, "major", "RATELIMIT_ACQUIRE");
        JsonNode global = d.get("global");
        if (global == null || !global.isBoolean()) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "RATELIMIT_ACQUIRE: d.global must be a boolean");
        }
        JsonNode limit = d.get("globalLimit");
        int globalLimit = limit != null && limit.canConvertToInt() && limit.intValue() >= 1
                && limit.intValue() <= MAX_GLOBAL_LIMIT ? limit.intValue() : 0;
        JsonNode known = d.get("knownClients");
        int knownClients = known != null && known.canConvertToInt() && known.intValue() > 0 ? known.intValue() : 0;
        RateLimitCoordinator.Decision decision = coordinator.acquire(session, route, major, global.booleanValue(),
                globalLimit, knownClients, recent(d.get("recent")));
        (decision.refused() ? refused : decision.granted() ? granted : waited).increment();
        Map<String, Object> reply = new LinkedHashMap<>();
        reply.put("nonce", d.get("nonce").asText());
        reply.put("granted", decision.granted());
        if (decision.permit() > 0) {
            reply.put("permit", decision.permit());
        }
        if (!decision.granted()) {
            reply.put("waitMs", decision.waitMs());
            reply.put("reason", decision.reason());
        }
        if (decision.refused()) {
            reply.put("refused", "invalid_cap");
        }
        reply.put("clients", coordinator.clients());
        reply.put("invalid", coordinator.invalidCount());
        return reply;
    }

    /**
     * {@code RATELIMIT_UPDATE {route, major, status, bucket, limit, remaining, resetAfter, scope, retryAfter, permit}},
     * or with {@code fallback: true, global} instead of {@code permit} for a request sent on the client's local share.
     */
    public void update(JsonNode d) {
        String route = text(d, "route", "RATELIMIT_UPDATE");
        String major = text(d, "major", "RATELIMIT_UPDATE");
        JsonNode status = d.get("status");
        if (status == null || !status.canConvertToInt() || status.intValue() < 0 || status.intValue() > 599) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "RATELIMIT_UPDATE: d.status must be an integer 0-599");
        }
        JsonNode bucket = d.get("bucket");
        String hash = bucket != null && bucket.isTextual() && !bucket.textValue().isEmpty()
                && bucket.textValue().length() <= MAX_KEY_LENGTH ? bucket.textValue() : null;
        JsonNode scope = d.get("scope");
        coordinator.update(route, major, status.intValue(), hash, d.path("limit").asInt(-1),
                d.path("remaining").asInt(-1), d.path("resetAfter").asDouble(-1),
                scope != null && scope.isTextual() ? scope.textValue() : null,
                Math.max(0, Math.min(3_600, d.path("retryAfter").asDouble(0))),
                d.path("permit").asLong(0), d.path("fallback").asBoolean(false) && d.path("global").asBoolean(false));
    }

    public void sessionEnded(String session) {
        coordinator.sessionEnded(session);
    }

    public RateLimitCoordinator coordinator() {
        return coordinator;
    }

    /**
     * {@code recent}: at most {@value #MAX_RECENT} integers, the milliseconds since each unheard send was answered;
     * values outside 0 to {@value #MAX_RECENT_MS} are dropped (older ones no longer matter to a one-second window).
     */
    private static int[] recent(JsonNode recent) {
        if (recent == null || recent.isNull()) {
            return new int[0];
        }
        if (!recent.isArray() || recent.size() > MAX_RECENT) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "RATELIMIT_ACQUIRE: d.recent must be an array of at"
                    + " most " + MAX_RECENT + " integers");
        }
        int[] out = new int[recent.size()];
        int n = 0;
        for (JsonNode v : recent) {
            if (!v.isIntegralNumber()) {
                throw new CloseException(CloseCode.INVALID_PAYLOAD, "RATELIMIT_ACQUIRE: d.recent must be an array of"
                        + " at most " + MAX_RECENT + " integers");
            }
            if (v.canConvertToInt() && v.intValue() >= 0 && v.intValue() <= MAX_RECENT_MS) {
                out[n++] = v.intValue();
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static String text(JsonNode d, String field, String event) {
        JsonNode v = d.get(field);
        if (v == null || !v.isTextual() || v.textValue().isEmpty() || v.textValue().length() > MAX_KEY_LENGTH) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, event + ": d." + field + " must be a string of 1 to "
                    + MAX_KEY_LENGTH + " characters");
        }
        return v.textValue();
    }
}
