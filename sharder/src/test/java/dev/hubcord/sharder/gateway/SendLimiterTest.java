package dev.hubcord.sharder.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendLimiterTest {

    private final AtomicLong now = new AtomicLong(1_000);
    private final SendLimiter limiter = new SendLimiter(120, 60_000_000_000L, 3, now::get);

    @Test
    void ordinaryPayloadsLeaveTheReserveToHeartbeats() {
        int ordinary = 0;
        while (limiter.tryAcquire(false)) {
            ordinary++;
        }
        assertThat(ordinary).isEqualTo(117);
        assertThat(limiter.tryAcquire(true)).isTrue();
        assertThat(limiter.tryAcquire(true)).isTrue();
        assertThat(limiter.tryAcquire(true)).isTrue();
        assertThat(limiter.tryAcquire(true)).as("120 is Discord's hard limit").isFalse();
        assertThat(limiter.inWindow()).isEqualTo(120);
    }

    @Test
    void slotsComeBackAsTheWindowSlides() {
        for (int i = 0; i < 117; i++) {
            now.addAndGet(100_000_000L); // 0.1 s apart
            assertThat(limiter.tryAcquire(false)).isTrue();
        }
        assertThat(limiter.tryAcquire(false)).isFalse();
        long wait = limiter.nanosUntilFree();
        // The oldest send was 11.6 s ago: it leaves the 60 s window in 48.4 s.
        assertThat(wait).isEqualTo(60_000_000_000L - 116 * 100_000_000L);
        now.addAndGet(wait);
        assertThat(limiter.nanosUntilFree()).isZero();
        assertThat(limiter.tryAcquire(false)).isTrue();
        assertThat(limiter.tryAcquire(false)).isFalse();
    }

    @Test
    void backgroundPayloadsLeaveHeadroomForOrdinaryOnes() {
        int background = 0;
        while (limiter.tryAcquireBackground()) {
            background++;
        }
        assertThat(background).isEqualTo(117 - SendLimiter.BACKGROUND_HEADROOM);
        assertThat(limiter.nanosUntilBackgroundFree()).isPositive();
        assertThat(limiter.nanosUntilFree()).as("ordinary payloads still go at once").isZero();
        for (int i = 0; i < SendLimiter.BACKGROUND_HEADROOM; i++) {
            assertThat(limiter.tryAcquire(false)).isTrue();
        }
        assertThat(limiter.tryAcquire(false)).isFalse();
    }
}
