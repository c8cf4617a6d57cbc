package dev.hubcord.hub.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RateLimiterTest {

    private static final long MS = 1_000_000L;

    @Test
    void allowsTheBurstThenGoesIntoDebtAndSaysHowLongToPause() {
        RateLimiter limiter = new RateLimiter(100, 200, 0);
        for (int i = 0; i < 200; i++) {
            assertThat(limiter.acquire(0)).isTrue();
        }
        assertThat(limiter.acquire(0)).isFalse();
        assertThat(limiter.nanosUntilSolvent()).isEqualTo(10 * MS);
        assertThat(limiter.overRateFor(5 * MS)).isEqualTo(5 * MS);
    }

    @Test
    void aClientThatSlowsDownIsNoLongerOverTheRate() {
        RateLimiter limiter = new RateLimiter(100, 200, 0);
        for (int i = 0; i < 250; i++) {
            limiter.acquire(0);
        }
        long solvent = limiter.nanosUntilSolvent();
        assertThat(solvent).isEqualTo(500 * MS);
        // reading resumes once solvent; the backlog continues at exactly the rate: still over
        assertThat(limiter.acquire(solvent)).isFalse();
        assertThat(limiter.overRateFor(solvent)).isEqualTo(solvent);
        // a short gap (a scheduling delay) refills a token or two: within the limit again, but not yet recovered
        assertThat(limiter.acquire(solvent + 30 * MS)).isTrue();
        assertThat(limiter.overRateFor(solvent + 30 * MS)).isEqualTo(solvent + 30 * MS);
        // the client sends slower than the rate for a while: a quarter second of quota refills, and it is back under
        assertThat(limiter.acquire(solvent + 400 * MS)).isTrue();
        assertThat(limiter.overRateFor(solvent + 400 * MS)).isZero();
    }

    @Test
    void aClientThatKeepsThePipeFullStaysOverTheRate() {
        RateLimiter limiter = new RateLimiter(1000, 2000, 0);
        long now = 0;
        for (int i = 0; i < 2000; i++) {
            limiter.acquire(now);
        }
        for (int round = 0; round < 100; round++) {
            limiter.acquire(now);
            now += limiter.nanosUntilSolvent();
        }
        assertThat(limiter.overRateFor(now)).isEqualTo(now).isGreaterThan(90 * MS);
    }
}
