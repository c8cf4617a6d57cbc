package dev.hubcord.hub.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The coordinator's decisions on a clock the test moves. */
class RateLimitCoordinatorTest {

    private static final String MESSAGES = "POST /channels/:channel/messages";
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final RateLimitCoordinator c = new RateLimitCoordinator(
            new RateLimitCoordinator.Settings(50, 5, 10, 2_000, 3, 100), now::get);

    private void advanceMs(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }

    private RateLimitCoordinator.Decision ask(String route, String major) {
        return c.acquire("s1", route, major, false, 0);
    }

    @Test
    void theFirstRequestOfABucketGoesAloneAndItsReportSetsTheRest() {
        assertThat(ask(MESSAGES, "channel:1").granted()).isTrue();
        RateLimitCoordinator.Decision second = ask(MESSAGES, "channel:1");
        assertThat(second.granted()).isFalse();
        assertThat(second.reason()).isEqualTo("discovery");
        c.update(MESSAGES, "channel:1", 200, "h1", 3, 2, 5.0, null, 0, 0, false);
        assertThat(ask(MESSAGES, "channel:1").granted()).isTrue();
        assertThat(ask(MESSAGES, "channel:1").granted()).isTrue();
        RateLimitCoordinator.Decision full = ask(MESSAGES, "channel:1");
        assertThat(full.granted()).isFalse();
        assertThat(full.reason()).isEqualTo("bucket");
        assertThat(full.waitMs()).isBetween(5_000L, 5_011L);
        advanceMs(5_011);
        assertThat(ask(MESSAGES, "channel:1").granted()).isTrue();
    }

    @Test
    void routesWithTheSameHashShareTheBucket() {
        String put = "PUT /guilds/:guild/bans/:id";
        String delete = "DELETE /guilds/:guild/bans/:id";
        assertThat(ask(put, "guild:1").granted()).isTrue();
        c.update(put, "guild:1", 204, "bans", 2, 0, 5.0, null, 0, 0, false);
        assertThat(ask(delete, "guild:1").granted()).as("DELETE's hash is not known yet: discovery").isTrue();
        c.update(delete, "guild:1", 429, "bans", 2, 0, 5.0, "user", 5.0, 0, false);
        assertThat(ask(delete, "guild:1").granted()).as("now DELETE waits on the shared, empty bucket").isFalse();
        assertThat(ask(put, "guild:1").reason()).isEqualTo("bucket");
    }

    @Test
    void aGlobalPermitCountsUntilOneWindowAfterItsReport() {
        RateLimitCoordinator small = new RateLimitCoordinator(
                new RateLimitCoordinator.Settings(2, 5, 10, 2_000, 100, 100), now::get);
        advanceMs(1_010); // past the start-up window
        RateLimitCoordinator.Decision a = small.acquire("s1", "GET /users/:id", "global", true, 0);
        RateLimitCoordinator.Decision b = small.acquire("s2", "GET /gateway/bot", "global", true, 0);
        assertThat(a.granted()).isTrue();
        assertThat(b.granted()).isTrue();
        small.update("GET /users/:id", "global", 200, null, -1, -1, -1, null, 0, a.permit(), false);
        small.update("GET /gateway/bot", "global", 200, null, -1, -1, -1, null, 0, b.permit(), false);
        advanceMs(2_000); // a late report: the window runs from the report, not from the grant
        small.update("GET /users/:id", "global", 200, null, -1, -1, -1, null, 0, a.permit(), false);
        assertThat(small.acquire("s1", "GET /users/:id", "global", true, 0).granted()).isTrue();
        RateLimitCoordinator.Decision full = small.acquire("s1", "GET /users/:id", "global", true, 0);
        assertThat(full.granted()).isFalse();
        assertThat(full.reason()).isEqualTo("global");
        assertThat(small.clients()).isEqualTo(2);
    }

    @Test
    void theLowestDeclaredGlobalLimitApplies() {
        RateLimitCoordinator.Settings s = new RateLimitCoordinator.Settings(50, 5, 10, 2_000, 100, 100);
        RateLimitCoordinator lim = new RateLimitCoordinator(s, now::get);
        advanceMs(1_010);
        assertThat(lim.acquire("s1", "GET /users/:id", "global", true, 1).granted()).isTrue();
        assertThat(lim.acquire("s2", "GET /users/:id", "global", true, 50).granted()).isFalse();
    }

    @Test
    void atTheInvalidCapEveryRequestIsRefused() {
        for (int i = 0; i < 5; i++) {
            c.update("GET /users/:id", "global", 401, null, -1, -1, -1, null, 0, 0, false);
        }
        c.update("GET /users/:id", "global", 429, null, -1, -1, -1, "shared", 1, 0, false); // shared: not counted
        assertThat(c.invalidCount()).isEqualTo(5);
        assertThat(ask("GET /users/:id", "global").refused()).isTrue();
        advanceMs(600_000);
        assertThat(c.invalidCount()).isZero();
    }

    @Test
    void bucketsAreCappedLeastRecentlyUsedFirst() {
        for (int i = 0; i < 10; i++) {
            ask(MESSAGES, "channel:" + i);
        }
        assertThat(c.bucketCount()).isEqualTo(3);
    }

    /** Asks for a global permit as {@code session}, which knew of two clients; reports it at once when granted. */
    private boolean globalAsked(String session) {
        RateLimitCoordinator.Decision d = c.acquire(session, "GET /users/:id", "global", true, 0, 2);
        if (d.granted()) {
            c.update("GET /users/:id", "global", 200, "hu", 10_000, 9_999, 1.0, null, 0, d.permit(), false);
        }
        return d.granted();
    }

    @Test
    void afterARestartOnlyThePartOfTheClientsBackIsGrantedUntilTheOthersReturn() {
        advanceMs(1_100); // past the first window in which a new hub grants nothing
        assertThat(globalAsked("back")).as("discovery of the bucket").isTrue();
        int granted = 1;
        for (int i = 0; i < 60; i++) {
            // one client of the two it knew of is back; the other still sends on its local share
            granted += globalAsked("back") ? 1 : 0;
        }
        assertThat(granted).as("half of 50").isEqualTo(25);
        assertThat(c.clients()).as("the client still away counts for the shares").isEqualTo(2);
        advanceMs(1_100);
        int both = globalAsked("other") ? 1 : 0;
        assertThat(both).as("the other is back").isEqualTo(1);
        for (int i = 0; i < 60; i++) {
            both += globalAsked("back") ? 1 : 0;
        }
        assertThat(both).as("both back: the whole limit").isEqualTo(50);
    }

    @Test
    void sendsTheHubHasNotHeardOfAreChargedBeforeItsFirstGrant() {
        advanceMs(1_100); // past the first window in which a new hub grants nothing
        int[] recent = new int[20]; // 20 requests on a local share, answered 0 to 950 ms ago
        for (int i = 0; i < recent.length; i++) {
            recent[i] = i * 50;
        }
        int granted = 0;
        for (int i = 0; i < 60; i++) {
            RateLimitCoordinator.Decision d = c.acquire("back", "GET /gateway", "global", true, 0, 0,
                    i == 0 ? recent : new int[0]);
            if (d.granted()) {
                granted++;
                c.update("GET /gateway", "global", 200, null, -1, -1, -1, null, 0, d.permit(), false);
            }
        }
        assertThat(granted).as("50 less the 20 sent without the hub").isEqualTo(30);
        advanceMs(70); // the oldest charged send (950 ms) is out of the window (1 s and 10 ms) now, no other is
        assertThat(c.acquire("back", "GET /gateway", "global", true, 0).granted()).isTrue();
        assertThat(c.acquire("back", "GET /gateway", "global", true, 0).granted()).isFalse();
    }

    @Test
    void anIdleClientStillCountsInTheSharesUntilItsSessionEnds() {
        c.acquire("busy", "GET /gateway", "global", false, 0);
        c.acquire("idle", "GET /gateway", "global", false, 0);
        advanceMs(60_000);
        c.acquire("busy", "GET /gateway", "global", false, 0);
        assertThat(c.clients()).as("the idle one may flood on its share if the hub goes").isEqualTo(2);
        c.sessionEnded("idle");
        assertThat(c.clients()).isEqualTo(1);
    }
}
