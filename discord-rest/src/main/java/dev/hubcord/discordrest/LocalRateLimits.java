package dev.hubcord.discordrest;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The rate-limit state of one process: buckets learnt from the headers (one request at a time per bucket), the
 * global limit as a sliding one-second log, the pause after a global 429, and the invalid-request count. Right for a
 * deployment with one process calling Discord; {@link HubRateLimits} also uses one as its fallback, with the global
 * limit lowered to this process's share ({@link #globalLimit(int)}).
 */
public final class LocalRateLimits implements RateLimits {

    private static final Logger log = LoggerFactory.getLogger(LocalRateLimits.class);

    private final Buckets buckets;
    private final GlobalLimiter global;
    private final InvalidRequests invalid;

    public LocalRateLimits(int globalLimit, int invalidCap, Duration resetMargin) {
        this.buckets = new Buckets(resetMargin);
        this.global = new GlobalLimiter(globalLimit, Duration.ofSeconds(1));
        this.invalid = new InvalidRequests(invalidCap);
    }

    public static LocalRateLimits of(RestOptions options) {
        return new LocalRateLimits(options.globalLimit(), options.invalidCap(), options.resetMargin());
    }

    @Override
    public Permit acquire(Route route) throws InterruptedException {
        invalid.check();
        Bucket bucket = buckets.acquire(route);
        GlobalLimiter.Slot slot;
        try {
            slot = route.globalExempt() ? null : global.acquire();
        } catch (InterruptedException | RuntimeException e) {
            bucket.unlock();
            throw e;
        }
        return new Permit() {
            private boolean done;

            @Override
            public synchronized void complete(RestResponse response) {
                if (done) {
                    return;
                }
                done = true;
                if (slot != null) {
                    global.answered(slot);
                }
                try {
                    if (response != null) {
                        buckets.update(route, bucket, response);
                    }
                    learn(route, bucket, Outcome.of(response));
                } finally {
                    bucket.unlock();
                }
            }
        };
    }

    private void learn(Route route, Bucket bucket, Outcome outcome) {
        if (outcome.invalid()) {
            invalid.record();
        }
        if (outcome.status() != 429) {
            return;
        }
        switch (outcome.scope()) {
            case "global", Outcome.CLOUDFLARE -> {
                log.warn("{} 429 on {}: every route pauses {} s", outcome.scope(), route, outcome.retryAfter());
                global.pause(outcome.retryAfter());
            }
            default -> {
                log.info("{} rate limited (scope {}): bucket waits {} s", route, outcome.scope(), outcome.retryAfter());
                bucket.block(outcome.retryAfter());
            }
        }
    }

    /** Changes the global limit (requests per second), e.g. to this process's share while the hub is away. */
    public void globalLimit(int perSecond) {
        global.limit(Math.max(1, perSecond));
    }

    public int globalLimit() {
        return global.limit();
    }

    @Override
    public int invalidRequestCount() {
        return invalid.count();
    }

    @Override
    public boolean globallyPaused() {
        return global.paused();
    }

    /**
     * Counts a request sent on the hub's permit in the global window (see {@link GlobalLimiter#record()});
     * {@link #answeredGlobal} follows with its answer.
     */
    GlobalLimiter.Slot recordGlobal() {
        return global.record();
    }

    void answeredGlobal(GlobalLimiter.Slot slot) {
        global.answered(slot);
    }

    /** Fills the global window to {@code count}, as answered now (see {@link GlobalLimiter#fill}). */
    void fillGlobal(int count) {
        global.fill(count);
    }

    /** Requests counted in the global window now. */
    int globalHeld() {
        return global.held();
    }

    /** Records the pause of a global 429 learnt elsewhere (from the hub's answer). */
    void pauseGlobal(double seconds) {
        global.pause(seconds);
    }
}
