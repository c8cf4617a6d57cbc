package dev.hubcord.discordrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The sliding log counts a request from its answer, not from when it went out. */
class GlobalLimiterTest {

    @Test
    void aSlotIsHeldUntilItsAnswerAndThenForOneWindow() throws Exception {
        GlobalLimiter limiter = new GlobalLimiter(1, Duration.ofMillis(300));
        GlobalLimiter.Slot out = limiter.acquire();
        CompletableFuture<GlobalLimiter.Slot> next = CompletableFuture.supplyAsync(() -> {
            try {
                return limiter.acquire();
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        Thread.sleep(500); // longer than the window: still held, its answer has not come
        assertThat(next).isNotDone();
        long answeredAt = System.nanoTime();
        limiter.answered(out);
        next.get(5, TimeUnit.SECONDS);
        assertThat(System.nanoTime() - answeredAt).as("one window after the answer")
                .isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(290));
    }

    @Test
    void fillCountsUnseenRequestsAsAnsweredNowAndRecordIsBounded() {
        GlobalLimiter limiter = new GlobalLimiter(5, Duration.ofSeconds(10));
        limiter.record();
        limiter.fill(5);
        assertThat(limiter.held()).isEqualTo(5);
        limiter.fill(3);
        assertThat(limiter.held()).as("fill adds only what is missing").isEqualTo(5);
        for (int i = 0; i < 2_000; i++) {
            limiter.answered(limiter.record());
        }
        assertThat(limiter.held()).isEqualTo(1_024);
    }
}
