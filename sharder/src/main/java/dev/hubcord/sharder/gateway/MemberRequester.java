package dev.hubcord.sharder.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.sharder.metrics.SharderMetrics;
import io.netty.channel.EventLoop;
import io.netty.util.concurrent.ScheduledFuture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One shard's full member list requests (op 8, {@code query:""}, {@code limit:0}): each guild the policy wants is
 * requested once per Discord session, after its GUILD_CREATE. A resume replays what was missed and sends no new
 * GUILD_CREATEs, so it requests nothing; a fresh IDENTIFY (READY) forgets everything and the guilds' GUILD_CREATEs
 * request them again. The chunks themselves reach the hub through the dispatch forwarder like any dispatch; this
 * class only decides when to ask and counts.
 *
 * <p>Limits: at most {@code inFlight} requests without their last chunk (tracked by nonce); each request takes a
 * slot of the connection's 120/60 s budget only while {@link SendLimiter#BACKGROUND_HEADROOM} slots stay free for
 * GATEWAY_SEND payloads, and only when none of those are queued; a RATE_LIMITED answer (1 full list per guild per
 * 30 s) puts the guild back after {@code retry_after}; a request without an answer is given up after
 * {@code timeoutMs}. Bounds: {@code pending} and {@code known} hold at most one entry per guild of the shard (Discord
 * allows 2,500 per session); {@code inFlight} at most {@code options.inFlight()}.
 *
 * <p>Confined to the shard's event loop.
 */
final class MemberRequester {

    private static final Logger log = LoggerFactory.getLogger(MemberRequester.class);
    private static final long RETRY_MARGIN_MILLIS = 100;

    /** Sends a background payload: 0 when written, the nanoseconds to wait for budget, or -1 when not now. */
    @FunctionalInterface
    interface Sender {
        long trySend(byte[] json);
    }

    /** One request whose chunks are still arriving. */
    private static final class InFlight {
        final long guildId;
        final ScheduledFuture<?> timeout;
        int chunks;

        InFlight(long guildId, ScheduledFuture<?> timeout) {
            this.guildId = guildId;
            this.timeout = timeout;
        }
    }

    private final int shardId;
    private final MemberRequestOptions options;
    private final EventLoop loop;
    private final Sender sender;
    private final SharderMetrics metrics;
    private final ArrayDeque<Long> pending = new ArrayDeque<>();
    private final Set<Long> known = new HashSet<>();
    private final Map<String, InFlight> inFlight = new LinkedHashMap<>();
    private long nonces;
    private long generation;
    private ScheduledFuture<?> pumpTask;
    private volatile int outstanding;

    MemberRequester(int shardId, MemberRequestOptions options, EventLoop loop, Sender sender, SharderMetrics metrics) {
        this.shardId = shardId;
        this.options = options;
        this.loop = loop;
        this.sender = sender;
        this.metrics = metrics;
    }

    /** Guilds waiting for their request plus requests still in flight (any thread). */
    int outstanding() {
        return outstanding;
    }

    /** Looks at every dispatch of the shard (after the shard's own bookkeeping). */
    void onDispatch(String type, JsonNode d) {
        switch (type) {
            case "READY" -> reset();
            case "GUILD_CREATE" -> guildAvailable(d);
            case "GUILD_DELETE" -> guildGone(Shard.snowflake(d.path("id")));
            case "GUILD_MEMBERS_CHUNK" -> chunk(d);
            case "RATE_LIMITED" -> rateLimited(d);
            default -> { }
        }
        outstanding = pending.size() + inFlight.size();
    }

    /** Forgets this session's requests: after READY, and when the shard stops or fails. */
    void reset() {
        generation++;
        pending.clear();
        known.clear();
        inFlight.values().forEach(f -> f.timeout.cancel(false));
        inFlight.clear();
        if (pumpTask != null) {
            pumpTask.cancel(false);
            pumpTask = null;
        }
        outstanding = 0;
    }

    private void guildAvailable(JsonNode d) {
        long guild = Shard.snowflake(d.path("id"));
        if (guild == 0 || d.path("unavailable").asBoolean(false)) {
            return;
        }
        if (options.wants(d.path("member_count").asInt(0)) && known.add(guild)) {
            pending.addLast(guild);
            pump();
        }
    }

    /** A guild that left or went dark is requested again when it comes back (its members may have changed). */
    private void guildGone(long guild) {
        if (known.remove(guild)) {
            pending.remove(guild);
        }
    }

    private void chunk(JsonNode d) {
        metrics.memberChunk(d.path("members").size());
        String nonce = d.path("nonce").asText(null);
        InFlight f = nonce == null ? null : inFlight.get(nonce);
        if (f == null) {
            return; // someone else's request (a GATEWAY_SEND op 8), or one given up already
        }
        f.chunks++;
        if (f.chunks >= d.path("chunk_count").asInt(1)) {
            inFlight.remove(nonce);
            f.timeout.cancel(false);
            log.debug("shard={} event=member_request_done guild={} chunks={}", shardId, Long.toUnsignedString(f.guildId),
                    f.chunks);
            pump();
        }
    }

    private void rateLimited(JsonNode d) {
        if (d.path("opcode").asInt(-1) != 8) {
            return;
        }
        String nonce = d.path("meta").path("nonce").asText(null);
        InFlight f = nonce == null ? null : inFlight.remove(nonce);
        if (f == null) {
            return;
        }
        f.timeout.cancel(false);
        metrics.memberRequestRateLimited();
        long retryMillis = Math.max(0, (long) (d.path("retry_after").asDouble(30) * 1000)) + RETRY_MARGIN_MILLIS;
        log.info("shard={} event=member_request_rate_limited guild={} retry_after_ms={}", shardId,
                Long.toUnsignedString(f.guildId), retryMillis);
        long session = generation;
        loop.schedule(() -> {
            if (session == generation && known.contains(f.guildId) && !pending.contains(f.guildId)) {
                pending.addLast(f.guildId);
                outstanding = pending.size() + inFlight.size();
                pump();
            }
        }, retryMillis, TimeUnit.MILLISECONDS);
        pump();
    }

    /** Sends what the in-flight bound and the budget allow; called again by the shard when its queue drains. */
    void pump() {
        while (inFlight.size() < options.inFlight() && !pending.isEmpty()) {
            long guild = pending.peekFirst();
            String nonce = "m" + shardId + "-" + (++nonces);
            long wait = sender.trySend(request(guild, nonce));
            if (wait != 0) {
                if (wait > 0 && pumpTask == null) {
                    pumpTask = loop.schedule(() -> {
                        pumpTask = null;
                        pump();
                    }, wait, TimeUnit.NANOSECONDS);
                }
                break;
            }
            pending.pollFirst();
            metrics.memberRequestSent();
            ScheduledFuture<?> timeout = loop.schedule(() -> timedOut(nonce), options.timeoutMs(), TimeUnit.MILLISECONDS);
            inFlight.put(nonce, new InFlight(guild, timeout));
        }
        outstanding = pending.size() + inFlight.size();
    }

    private void timedOut(String nonce) {
        InFlight f = inFlight.remove(nonce);
        if (f == null) {
            return;
        }
        metrics.memberRequestTimedOut();
        log.warn("shard={} event=member_request_timeout guild={} chunks={} timeout_ms={} detail=\"no last chunk; "
                + "Discord sends none when the application lacks GUILD_MEMBERS\"", shardId,
                Long.toUnsignedString(f.guildId), f.chunks, options.timeoutMs());
        pump();
    }

    /** {@code {"op":8,"d":{"guild_id","query":"","limit":0,"presences":false,"nonce"}}}: about 110 bytes. */
    static byte[] request(long guildId, String nonce) {
        return ("{\"op\":8,\"d\":{\"guild_id\":\"" + Long.toUnsignedString(guildId)
                + "\",\"query\":\"\",\"limit\":0,\"presences\":false,\"nonce\":\"" + nonce + "\"}}")
                .getBytes(StandardCharsets.US_ASCII);
    }
}
