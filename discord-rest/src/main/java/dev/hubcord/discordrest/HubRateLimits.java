package dev.hubcord.discordrest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.client.ConnectionState;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Rate limits kept by the hub for the whole deployment. Each request asks {@code RATELIMIT_ACQUIRE} (one round trip
 * on the existing connection) and is answered with a permit or a wait; each answer from Discord is reported with
 * {@code RATELIMIT_UPDATE}, so a bucket learnt by one process is known to all (see {@code docs/protocol.md}).
 *
 * <p>Never unlimited without the hub: while the connection is down a request goes to {@code fallback} at once;
 * when the hub is connected but does not answer within {@code answerTimeout}, that request and every request for
 * the next {@code suspectFor} (or until the connection is a new session) go to {@code fallback}. The fallback's
 * global limit is this process's share: 90 % of the global limit divided by the number of REST clients the hub last
 * reported ({@code assumedClients} before any answer), at least 1 per second. Requests sent on the share while the
 * connection is up are still reported to the hub ({@code fallback: true}), which counts them toward its global
 * window; while it is down nothing is reported (nor buffered). Its buckets are this process's own, learnt from
 * its own responses.
 *
 * <p>What the hub has not heard of (sends on the share while the connection was down, sends on a permit of a hub
 * session before the current one) is kept in {@link UnheardSends} and carried by the next acquire
 * ({@code recent}): a hub that comes back charges its global window with them before it grants.
 */
public final class HubRateLimits implements RateLimits {

    private static final Logger log = LoggerFactory.getLogger(HubRateLimits.class);
    /** A wait from the hub is slept in steps of at most this, so that a lost hub is noticed. */
    private static final long MAX_SLEEP_MS = 500;

    private final HubClient hub;
    private final LocalRateLimits fallback;
    private final int globalLimit;
    /** The REST clients the last hub answer counted (0 before any answer). */
    private volatile int knownClients;
    private final Duration answerTimeout;
    private final long suspectForNanos;
    private volatile long suspectUntilNanos = System.nanoTime();
    private volatile String suspectSession;
    private volatile int invalidCount;
    private volatile long globalPausedUntilNanos = System.nanoTime();
    private volatile boolean fellBack;
    private final UnheardSends unheard = new UnheardSends();

    /**
     * @param hub a connected (or connecting) client of a type that may send {@code RATELIMIT_*}
     * @param globalLimit the bot's global limit (requests per second), the base of the fallback share
     * @param invalidCap the fallback's invalid-request cap
     * @param answerTimeout how long a request waits for the hub's answer before it falls back
     * @param suspectFor how long requests go straight to the fallback after an unanswered one
     * @param assumedClients the number of REST clients assumed before the hub has told
     */
    public HubRateLimits(HubClient hub, int globalLimit, int invalidCap, Duration resetMargin, Duration answerTimeout,
            Duration suspectFor, int assumedClients) {
        this.hub = hub;
        this.globalLimit = globalLimit;
        this.answerTimeout = answerTimeout;
        this.suspectForNanos = suspectFor.toNanos();
        this.fallback = new LocalRateLimits(share(globalLimit, assumedClients), invalidCap, resetMargin);
    }

    /** Defaults: 1 s for an answer, 5 s on the fallback after a missing one, 4 clients assumed. */
    public static HubRateLimits of(HubClient hub, RestOptions options) {
        return new HubRateLimits(hub, options.globalLimit(), options.invalidCap(), options.resetMargin(),
                Duration.ofSeconds(1), Duration.ofSeconds(5), 4);
    }

    /** 90 % of the global limit, divided among the clients: the 10 % absorb the local windows' misalignment. */
    static int share(int globalLimit, int clients) {
        return Math.max(1, globalLimit * 9 / 10 / Math.max(1, clients));
    }

    @Override
    public Permit acquire(Route route) throws InterruptedException {
        while (true) {
            if (hub.state() != ConnectionState.CONNECTED || suspect()) {
                return fallback(route);
            }
            JsonNode reply = ask(route);
            if (reply == null) {
                return fallback(route);
            }
            if (fellBack) {
                fellBack = false;
                log.info("event=ratelimit_coordinated hub answers again: permits from the hub");
            }
            invalidCount = reply.path("invalid").asInt(invalidCount);
            int clients = reply.path("clients").asInt(1);
            knownClients = clients;
            fallback.globalLimit(share(globalLimit, clients));
            if (reply.hasNonNull("refused")) {
                throw new DiscordRestException(DiscordRestException.Kind.INVALID_REQUEST_CAP, route
                        + ": the hub refuses requests: " + invalidCount
                        + " invalid requests (401/403/429) in the last 10 minutes", null);
            }
            if (reply.path("granted").asBoolean(false)) {
                return new HubPermit(route, reply.path("permit").asLong(0), session());
            }
            long waitMs = Math.max(1, reply.path("waitMs").asLong(1));
            if ("global".equals(reply.path("reason").asText())) {
                globalPausedUntilNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(waitMs);
            }
            Thread.sleep(Math.min(waitMs, MAX_SLEEP_MS));
        }
    }

    private JsonNode ask(Route route) throws InterruptedException {
        ObjectNode d = Json.mapper().createObjectNode();
        d.put("route", route.key());
        d.put("major", route.major());
        d.put("global", !route.globalExempt());
        d.put("globalLimit", globalLimit);
        if (knownClients > 0) {
            // a hub that has just restarted holds back the shares of the clients not yet back (see the protocol)
            d.put("knownClients", knownClients);
        }
        UnheardSends.Batch recent = unheard.take(session(), System.nanoTime());
        if (!recent.isEmpty()) {
            recent.ages().forEach(d.withArray("recent")::add);
            log.info("event=ratelimit_recent telling the hub of {} global requests it has not heard of",
                    recent.ages().size());
        }
        try {
            JsonNode reply = hub.request("RATELIMIT_ACQUIRE", d, answerTimeout)
                    .get(answerTimeout.toMillis() + 100, TimeUnit.MILLISECONDS);
            unheard.charged(recent);
            return reply;
        } catch (ExecutionException | TimeoutException e) {
            unheard.notCharged(recent);
            suspectUntilNanos = System.nanoTime() + suspectForNanos;
            suspectSession = session();
            // a slow hub may have granted the others a full window just now, as a lost one may have
            fallback.fillGlobal(fallback.globalLimit());
            log.warn("event=ratelimit_fallback no answer from the hub within {} ms ({}): local share of {}/s for {} ms",
                    answerTimeout.toMillis(), e.getCause() != null ? e.getCause() : e, fallback.globalLimit(),
                    TimeUnit.NANOSECONDS.toMillis(suspectForNanos));
            return null;
        }
    }

    /** Within {@code suspectFor} of an unanswered request, on the same session (a new session is a new chance). */
    private boolean suspect() {
        return System.nanoTime() - suspectUntilNanos < 0 && Objects.equals(suspectSession, session());
    }

    private String session() {
        return hub.identified().map(i -> i.session()).orElse(null);
    }

    /**
     * A permit from the local share. Its outcome still goes to the hub ({@code fallback: true}) when connected (the
     * hub is slow, not gone), so the hub counts it toward the global limit and learns the bucket.
     */
    private Permit fallback(Route route) throws InterruptedException {
        if (!fellBack) {
            fellBack = true;
            // What the other processes were granted in the last window is unknown here: count it as the whole
            // share, so the first request on it waits until one window after the hub was lost (at most 1 s).
            fallback.fillGlobal(fallback.globalLimit());
            log.warn("event=ratelimit_fallback hub {}: local share of {}/s after one window", hub.state(),
                    fallback.globalLimit());
        }
        Permit local = fallback.acquire(route);
        UnheardSends.Send send = route.globalExempt() ? null : unheard.sent(null);
        return response -> {
            local.complete(response);
            boolean heard = report(route, response, -1);
            if (send != null) {
                if (heard) {
                    unheard.heard(send);
                } else {
                    unheard.unheard(send, System.nanoTime());
                }
            }
        };
    }

    /**
     * Sends {@code RATELIMIT_UPDATE}; {@code permit} is the hub's permit id, 0 for none, -1 for the local share.
     * Returns whether it was sent.
     */
    private boolean report(Route route, RestResponse response, long permit) {
        if (hub.state() != ConnectionState.CONNECTED) {
            // not buffered for later: a long outage would fill the send buffer the service's other events need
            // (the global requests among them go to the next acquire instead: UnheardSends)
            return false;
        }
        Outcome o = Outcome.of(response);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("route", route.key());
        d.put("major", route.major());
        d.put("status", o.status());
        d.put("bucket", o.bucket());
        d.put("limit", o.limit());
        d.put("remaining", o.remaining());
        d.put("resetAfter", o.resetAfter());
        d.put("scope", o.scope());
        d.put("retryAfter", o.retryAfter());
        if (permit < 0) {
            d.put("fallback", true);
            d.put("global", !route.globalExempt());
        } else if (permit > 0) {
            d.put("permit", permit);
        }
        if (!hub.send("RATELIMIT_UPDATE", d)) {
            log.debug("RATELIMIT_UPDATE for {} not sent (send buffer full or client closed)", route);
            return false;
        }
        return true;
    }

    /** Whether the last request went to the fallback (the hub was away). */
    public boolean fallingBack() {
        return fellBack;
    }

    /** The fallback's current global share, requests per second. */
    public int fallbackShare() {
        return fallback.globalLimit();
    }

    @Override
    public int invalidRequestCount() {
        return Math.max(invalidCount, fallback.invalidRequestCount());
    }

    @Override
    public boolean globallyPaused() {
        return fallback.globallyPaused() || globalPausedUntilNanos - System.nanoTime() > 0;
    }

    /**
     * A permit from the hub: completing it reports Discord's answer as {@code RATELIMIT_UPDATE}, with the permit's id
     * to the hub session that granted it, as a local-share request ({@code fallback}) to a later one (a restarted
     * hub does not know the id), or, without a connection, to the next acquire ({@link UnheardSends}).
     */
    private final class HubPermit implements Permit {
        private final Route route;
        private final long id;
        private final String session;
        private final UnheardSends.Send send;
        private final GlobalLimiter.Slot slot;
        private boolean done;

        HubPermit(Route route, long id, String session) {
            this.route = route;
            this.id = id;
            this.session = session;
            this.send = route.globalExempt() ? null : unheard.sent(session);
            this.slot = route.globalExempt() ? null : fallback.recordGlobal();
        }

        @Override
        public synchronized void complete(RestResponse response) {
            if (done) {
                return;
            }
            done = true;
            if (slot != null) {
                fallback.answeredGlobal(slot);
            }
            boolean sameSession = Objects.equals(session, session());
            boolean heard = report(route, response, sameSession ? id : -1);
            if (send != null) {
                if (heard) {
                    unheard.heard(send);
                } else {
                    unheard.unheard(send, System.nanoTime());
                }
            }
            Outcome o = Outcome.of(response);
            if (o.status() == 429 && ("global".equals(o.scope()) || Outcome.CLOUDFLARE.equals(o.scope()))) {
                fallback.pauseGlobal(o.retryAfter()); // also holds if the hub goes away before it pauses everyone
            }
        }
    }
}
