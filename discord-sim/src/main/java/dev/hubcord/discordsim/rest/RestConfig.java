package dev.hubcord.discordsim.rest;

import dev.hubcord.discordsim.SimException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * REST behaviour. Route limits are community-observed values (unverified), so every bucket is configurable by name,
 * and a bucket can be marked {@code shared} to make it answer with {@code X-RateLimit-Scope: shared}.
 *
 * @param globalLimit requests per {@code globalWindowMs} per bot token, across routes (real: 50 per second);
 *     interaction callbacks and webhooks are exempt
 * @param globalWindowMs see globalLimit
 * @param buckets limits by bucket name (see {@link #defaultBuckets()} for the names)
 * @param interactionDeadlineMs the first callback must arrive within this (real: 3 s), else 404/10062
 * @param interactionTokenTtlMs follow-ups and edits of {@code @original} work this long (real: 15 min)
 * @param nonceWindowMs how long a message's nonce is remembered for {@code enforce_nonce} (real: "the past few
 *     minutes", unpublished; default 5 min)
 * @param maxUploadBytes the largest file a request may carry (real: 10 MiB for a bot outside boosted guilds); a
 *     larger one is 413 / 40005
 */
public record RestConfig(
        int globalLimit,
        long globalWindowMs,
        Map<String, BucketLimit> buckets,
        long interactionDeadlineMs,
        long interactionTokenTtlMs,
        long nonceWindowMs,
        long maxUploadBytes) {

    /** Discord's default upload limit for bots: 10 MiB per file. */
    public static final long DEFAULT_MAX_UPLOAD_BYTES = 10L << 20;

    /** One bucket: {@code limit} requests per {@code windowMs} per major parameter. */
    public record BucketLimit(int limit, long windowMs, boolean shared) {
        public BucketLimit {
            if (limit < 1 || windowMs < 1) {
                throw new SimException(SimException.Kind.CONFIG, "bucket limit and window must be positive");
            }
        }
    }

    public RestConfig {
        Map<String, BucketLimit> merged = new LinkedHashMap<>(defaultBuckets());
        if (buckets != null) {
            merged.putAll(buckets);
        }
        buckets = Map.copyOf(merged);
        if (globalLimit < 1 || globalWindowMs < 1) {
            throw new SimException(SimException.Kind.CONFIG, "global limit and window must be positive");
        }
        if (nonceWindowMs < 1) {
            throw new SimException(SimException.Kind.CONFIG, "nonceWindowMs must be positive");
        }
        if (maxUploadBytes < 1) {
            throw new SimException(SimException.Kind.CONFIG, "maxUploadBytes must be positive");
        }
    }

    /** Bucket names and their default limits. */
    public static Map<String, BucketLimit> defaultBuckets() {
        Map<String, BucketLimit> b = new LinkedHashMap<>();
        b.put("gateway_bot", new BucketLimit(2, 5_000, false));
        b.put("messages", new BucketLimit(5, 5_000, false));
        b.put("bans", new BucketLimit(5, 5_000, false));
        b.put("member_kick", new BucketLimit(5, 5_000, false));
        b.put("member_modify", new BucketLimit(10, 10_000, false));
        b.put("member_get", new BucketLimit(5, 1_000, false));
        b.put("member_search", new BucketLimit(10, 10_000, false));
        b.put("users", new BucketLimit(30, 1_000, false));
        b.put("interaction_callback", new BucketLimit(20, 1_000, false));
        b.put("webhooks", new BucketLimit(5, 2_000, false));
        b.put("channel_get", new BucketLimit(5, 1_000, false));
        b.put("typing", new BucketLimit(5, 5_000, false));
        b.put("message_get", new BucketLimit(5, 1_000, false));
        b.put("message_list", new BucketLimit(5, 1_000, false));
        b.put("message_edit", new BucketLimit(5, 5_000, false));
        b.put("message_delete", new BucketLimit(5, 1_000, false));
        b.put("reactions", new BucketLimit(1, 250, false));
        b.put("reaction_users", new BucketLimit(5, 1_000, false));
        b.put("member_roles", new BucketLimit(10, 10_000, false));
        // community-observed: command registration is limited per application, guild commands per guild
        b.put("commands", new BucketLimit(5, 20_000, false));
        b.put("guild_commands", new BucketLimit(5, 20_000, false));
        return b;
    }

    public static RestConfig defaults() {
        return new RestConfig(50, 1_000, Map.of(), 3_000, 900_000, 300_000, DEFAULT_MAX_UPLOAD_BYTES);
    }

    public RestConfig withGlobal(int limit, long windowMs) {
        return new RestConfig(limit, windowMs, buckets, interactionDeadlineMs, interactionTokenTtlMs, nonceWindowMs,
                maxUploadBytes);
    }

    public RestConfig withBucket(String name, BucketLimit limit) {
        Map<String, BucketLimit> b = new LinkedHashMap<>(buckets);
        b.put(name, limit);
        return new RestConfig(globalLimit, globalWindowMs, b, interactionDeadlineMs, interactionTokenTtlMs,
                nonceWindowMs, maxUploadBytes);
    }

    public RestConfig withInteractionTimes(long deadlineMs, long tokenTtlMs) {
        return new RestConfig(globalLimit, globalWindowMs, buckets, deadlineMs, tokenTtlMs, nonceWindowMs,
                maxUploadBytes);
    }

    public RestConfig withNonceWindow(long windowMs) {
        return new RestConfig(globalLimit, globalWindowMs, buckets, interactionDeadlineMs, interactionTokenTtlMs,
                windowMs, maxUploadBytes);
    }

    public RestConfig withMaxUploadBytes(long bytes) {
        return new RestConfig(globalLimit, globalWindowMs, buckets, interactionDeadlineMs, interactionTokenTtlMs,
                nonceWindowMs, bytes);
    }
}
