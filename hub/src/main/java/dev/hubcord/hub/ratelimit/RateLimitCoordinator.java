package dev.hubcord.hub.ratelimit;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Discord's REST limits for the whole deployment: every process that calls Discord asks here before each request
 * and reports each answer, so the global limit, the buckets (shared between routes once a hash is reported) and the
 * invalid-request count hold for all of them together.
 *
 * <p>Bounded state: at most {@code maxBuckets} buckets, evicting the least recently used (an evicted bucket is
 * learnt again by one discovery request, which Discord answers normally unless that bucket was empty: then a single
 * 429); at most {@code maxRoutes} route-to-hash entries, likewise; the global window holds at most
 * {@code globalLimit} permits; the invalid-request count is 600 one-second slots; the clients map holds one entry
 * per live session.
 *
 * <p>After a hub restart, processes that have not reconnected yet still send on their local fallback share; they
 * tell the hub how many REST clients they knew ({@code knownClients}), and for a grace period the hub grants only
 * the part of the global limit that belongs to the clients already back.
 */
public final class RateLimitCoordinator {

    /**
     * @param globalLimit requests per second across non-exempt routes, for the whole bot (see {@link GlobalWindow}),
     *     when no client declares one
     * @param invalidCap invalid requests (401/403/429) in 10 minutes at which every request is refused
     * @param marginMs added to every reset and to the global window, for network jitter between grant and arrival
     * @param discoveryTimeoutMs how long the first request of an unknown bucket holds the others back without a report
     */
    public record Settings(int globalLimit, int invalidCap, long marginMs, long discoveryTimeoutMs, int maxBuckets,
            int maxRoutes) {
        public static Settings defaults() {
            return new Settings(50, 9_000, 10, 2_000, 10_000, 4_096);
        }
    }

    /**
     * The answer to an acquire: a permit (with its id for a global one), or a wait and its reason ({@code bucket},
     * {@code global}, {@code discovery}), or a refusal at the invalid-request cap.
     */
    public record Decision(boolean granted, long waitMs, String reason, boolean refused, long permit) {}

    private static final long CLIENT_IDLE_NANOS = TimeUnit.SECONDS.toNanos(10);
    /** How long after a (re)start clients may still be coming back on their fallback shares. */
    static final int GRACE_SECONDS = 10;
    private static final int MAX_DECLARED_CLIENTS = 1_000;
    /** A permit whose report never comes (its process died) stops counting this long after its grant. */
    private static final long LOST_PERMIT_NANOS = TimeUnit.SECONDS.toNanos(5);
    private static final long DISCOVERY_POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(20);
    private static final int[] NO_RECENT = {};

    private final Settings settings;
    private final LongSupplier clock;
    private final long marginNanos;
    private final long globalWindowNanos;
    private final Map<String, SharedBucket> buckets;
    private final Map<String, String> hashes;
    private final GlobalWindow globalWindow;
    /** session → {last ask, the global limit it declared (0: none)}. */
    private final Map<String, long[]> clients = new HashMap<>();
    private final InvalidCount invalid = new InvalidCount();
    /** When this coordinator started, and the most REST clients any client said it knew since (see {@link #acquire}). */
    private final long startedNanos;
    private int declaredClients;

    public RateLimitCoordinator(Settings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.clock = nanoClock;
        this.marginNanos = TimeUnit.MILLISECONDS.toNanos(settings.marginMs());
        this.globalWindowNanos = TimeUnit.SECONDS.toNanos(1) + marginNanos;
        this.buckets = lru(settings.maxBuckets());
        this.hashes = lru(settings.maxRoutes());
        // A hub that starts (or restarts) does not know what was sent in the last second, by the processes' local
        // fallbacks: it grants no global permit for one window.
        this.startedNanos = nanoClock.getAsLong();
        this.globalWindow = new GlobalWindow(settings.globalLimit(), globalWindowNanos, LOST_PERMIT_NANOS,
                startedNanos + globalWindowNanos);
    }

    private static <V> Map<String, V> lru(int max) {
        return new LinkedHashMap<>(256, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, V> eldest) {
                return size() > max;
            }
        };
    }

    /**
     * A permit for one request of {@code route} (key with IDs replaced) and {@code major}, or how long to wait.
     * {@code globalLimit} is the bot's global limit as the client is configured (0: not given); the hub applies the
     * lowest one declared by a client active in the last 10 s, else {@link Settings#globalLimit()}.
     */
    public synchronized Decision acquire(String session, String route, String major, boolean global, int globalLimit) {
        return acquire(session, route, major, global, globalLimit, 0);
    }

    /**
     * As above; {@code knownClients} is how many REST clients the asking process last heard of from a hub (0: none
     * yet). In the first {@value #GRACE_SECONDS} s after this coordinator started (a hub restart), clients that have
     * not come back yet may still send on their local fallback share, which this hub cannot see: until as many
     * clients as were declared are back, it grants only their part of the global limit.
     */
    public synchronized Decision acquire(String session, String route, String major, boolean global, int globalLimit,
            int knownClients) {
        return acquire(session, route, major, global, globalLimit, knownClients, NO_RECENT);
    }

    /**
     * As above; {@code recentMs} are the process's global requests this hub has not heard of (sent on its local share
     * while it had no hub, or on a permit of a hub before this one), each as the milliseconds since the process had
     * its answer (0: none yet). They are charged to the global window, for one window from then, before anything is
     * decided: the hub that just came back learns what was sent without it, so its first permits do not overlap
     * those sends at Discord.
     */
    public synchronized Decision acquire(String session, String route, String major, boolean global, int globalLimit,
            int knownClients, int[] recentMs) {
        long now = clock.getAsLong();
        for (int ms : recentMs) {
            globalWindow.charge(now - TimeUnit.MILLISECONDS.toNanos(ms), now);
        }
        clients.put(session, new long[] {now, Math.max(0, globalLimit)});
        if (inGrace(now)) {
            declaredClients = Math.max(declaredClients, Math.min(knownClients, MAX_DECLARED_CLIENTS));
        }
        globalWindow.limit(grantedGlobalLimit(now));
        if (invalid.count(now) >= settings.invalidCap()) {
            return new Decision(false, 0, "invalid_cap", true, 0);
        }
        SharedBucket b = bucket(route, major);
        long wait;
        String reason;
        if (!b.known()) {
            wait = b.discoveryUntilNanos - now > 0 ? Math.min(DISCOVERY_POLL_NANOS, b.discoveryUntilNanos - now) : 0;
            reason = "discovery";
        } else {
            wait = b.roomIn(now, marginNanos);
            reason = "bucket";
        }
        if (wait <= 0 && global) {
            wait = globalWindow.waitNanos(now);
            reason = "global";
        }
        if (wait > 0) {
            return new Decision(false, Math.max(1, TimeUnit.NANOSECONDS.toMillis(wait + 999_999)), reason, false, 0);
        }
        if (!b.known()) {
            b.discoveryUntilNanos = now + TimeUnit.MILLISECONDS.toNanos(settings.discoveryTimeoutMs());
        }
        b.take();
        long permit = global ? globalWindow.take(now) : 0;
        return new Decision(true, 0, null, false, permit);
    }

    /**
     * What Discord answered to a permitted request: its status, bucket headers ({@code limit}/{@code remaining}/
     * {@code resetAfter} are -1 when absent), and for a 429 its scope and wait; {@code permit} is the id its grant
     * carried (0: none). {@code fallbackGlobal}: the request went on the process's local share, not on a permit from
     * here, and counts toward the global limit.
     */
    public synchronized void update(String route, String major, int status, String hash, int limit, int remaining,
            double resetAfter, String scope, double retryAfter, long permit, boolean fallbackGlobal) {
        long now = clock.getAsLong();
        if (fallbackGlobal) {
            globalWindow.fallback(now);
        } else if (permit > 0) {
            globalWindow.reported(permit, now);
        }
        if (status == 401 || status == 403 || (status == 429 && !"shared".equals(scope))) {
            invalid.record(now);
        }
        SharedBucket b = hash == null ? bucket(route, major) : learnHash(route, major, hash);
        if (status == 429) {
            if ("global".equals(scope) || "cloudflare".equals(scope)) {
                globalWindow.pause(now + (long) (retryAfter * 1e9));
            } else {
                b.block(now, retryAfter, marginNanos);
            }
        } else if (remaining >= 0 && resetAfter >= 0) {
            b.report(now, limit, remaining, resetAfter, marginNanos);
        } else if (status >= 200 && status < 300) {
            b.noBucket();
        } else {
            b.discoveryUntilNanos = 0; // no answer or an error without headers: let the next request discover
        }
    }

    /**
     * The route's buckets become {@code hash|major}, shared with every route of that hash. All of the route's buckets
     * move at once, whatever their major parameter: one still being discovered keeps its discovery, so that no second
     * request goes to it blind.
     */
    private SharedBucket learnHash(String route, String major, String hash) {
        String old = hashes.put(route, hash);
        if (old == null) { // (a route whose hash changes keeps its old buckets: they may be other routes' too)
            String prefix = route + "|";
            List<String> own = new ArrayList<>();
            for (String id : buckets.keySet()) {
                if (id.startsWith(prefix)) {
                    own.add(id);
                }
            }
            for (String id : own) {
                SharedBucket moving = buckets.remove(id);
                String target = hash + "|" + id.substring(prefix.length());
                SharedBucket shared = buckets.get(target);
                if (shared == null) {
                    buckets.put(target, moving);
                } else if (moving.known() && shared.known()) {
                    shared.remaining = Math.min(shared.remaining, moving.remaining);
                }
            }
        }
        return buckets.computeIfAbsent(hash + "|" + major, k -> new SharedBucket());
    }

    private SharedBucket bucket(String route, String major) {
        String hash = hashes.get(route);
        return buckets.computeIfAbsent((hash != null ? hash : route) + "|" + major, k -> new SharedBucket());
    }

    private boolean inGrace(long now) {
        return now - startedNanos < TimeUnit.SECONDS.toNanos(GRACE_SECONDS);
    }

    /** The global limit, or during the grace period only the part of the clients already back. */
    private int grantedGlobalLimit(long now) {
        int limit = effectiveGlobalLimit(now);
        int active = activeClients();
        if (inGrace(now) && declaredClients > active) {
            return Math.max(1, limit * active / declaredClients);
        }
        return limit;
    }

    /**
     * Live sessions that have asked since this hub started, idle or not: a process idle now may flood on its local
     * share when the hub goes away, so its share must be counted out of the limit all the same.
     */
    private int activeClients() {
        return Math.max(1, clients.size());
    }

    private int effectiveGlobalLimit(long now) {
        long lowest = Long.MAX_VALUE;
        for (long[] c : clients.values()) {
            if (c[1] > 0 && now - c[0] <= CLIENT_IDLE_NANOS) {
                lowest = Math.min(lowest, c[1]);
            }
        }
        return lowest == Long.MAX_VALUE ? settings.globalLimit() : (int) lowest;
    }

    /** Live sessions that have asked for a permit (at least 1): the divisor of the fallback share. */
    public synchronized int clients() {
        long now = clock.getAsLong();
        int active = activeClients();
        // during the grace period the clients still away count too, so that the shares stay small
        return inGrace(now) ? Math.max(active, declaredClients) : active;
    }

    public synchronized void sessionEnded(String session) {
        clients.remove(session);
    }

    public synchronized int invalidCount() {
        return invalid.count(clock.getAsLong());
    }

    public synchronized int bucketCount() {
        return buckets.size();
    }

    public Settings settings() {
        return settings;
    }
}
