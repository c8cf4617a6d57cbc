package dev.hubcord.discordrest;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The buckets of one bot token. A route starts in a bucket of its own ({@code key|major}); once a response names its
 * bucket hash ({@code X-RateLimit-Bucket}), the route moves to {@code hash|major}, which routes sharing the hash share.
 * Idle buckets are dropped now and then, so per-channel buckets do not pile up.
 */
final class Buckets {

    private static final long IDLE_NANOS = Duration.ofMinutes(10).toNanos();

    private final Map<String, String> hashes = new ConcurrentHashMap<>();
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final AtomicInteger calls = new AtomicInteger();
    private final Duration margin;

    Buckets(Duration margin) {
        this.margin = margin;
    }

    /** Locks the route's current bucket and waits until it has room; the caller must {@link Bucket#unlock()}. */
    Bucket acquire(Route route) throws InterruptedException {
        if (calls.incrementAndGet() % 1024 == 0) {
            buckets.values().removeIf(b -> b.idleFor(IDLE_NANOS));
        }
        while (true) {
            Bucket bucket = current(route);
            bucket.lock();
            if (bucket != current(route)) {
                // The route learnt its hash while we waited: queue on the shared bucket instead.
                bucket.unlock();
                continue;
            }
            bucket.awaitRoom();
            return bucket;
        }
    }

    /** Records the headers of a response (none on a global 429, which leaves the buckets alone). */
    void update(Route route, Bucket used, RestResponse response) {
        Integer remaining = response.header("X-RateLimit-Remaining").map(Buckets::parseInt).orElse(null);
        Double resetAfter = response.seconds("X-RateLimit-Reset-After").orElse(null);
        if (remaining == null || resetAfter == null) {
            return;
        }
        used.update(remaining, resetAfter);
        response.header("X-RateLimit-Bucket").ifPresent(hash -> {
            if (!hash.equals(hashes.put(route.key(), hash))) {
                Bucket shared = buckets.computeIfAbsent(hash + "|" + route.major(), k -> new Bucket(margin));
                if (shared != used) {
                    shared.copyFrom(used);
                }
            }
        });
    }

    private Bucket current(Route route) {
        String hash = hashes.get(route.key());
        String id = (hash != null ? hash : route.key()) + "|" + route.major();
        return buckets.computeIfAbsent(id, k -> new Bucket(margin));
    }

    int size() {
        return buckets.size();
    }

    private static Integer parseInt(String s) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
