package dev.hubcord.protocol.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BackoffTest {

    private static final Duration BASE = Duration.ofMillis(100);
    private static final Duration MAX = Duration.ofSeconds(5);

    @Test
    void doublesFromTheBaseUpToTheCap() {
        Backoff top = new Backoff(BASE, MAX, () -> 1.0);
        assertEquals(Duration.ofMillis(100), top.delay(0));
        assertEquals(Duration.ofMillis(200), top.delay(1));
        assertEquals(Duration.ofMillis(3200), top.delay(5));
        assertEquals(MAX, top.delay(6));
        assertEquals(MAX, top.delay(1_000), "huge attempt counts neither overflow nor pass the cap");
        assertEquals(MAX, top.delay(Integer.MAX_VALUE));
    }

    @Test
    void jitterStaysBetweenHalfAndAllOfTheCeiling() {
        Backoff bottom = new Backoff(BASE, MAX, () -> 0.0);
        assertEquals(Duration.ofMillis(50), bottom.delay(0));
        assertEquals(Duration.ofMillis(2500), bottom.delay(40));
        Backoff real = new Backoff(BASE, MAX);
        Set<Duration> seen = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            Duration d = real.delay(3);
            assertTrue(d.compareTo(Duration.ofMillis(400)) >= 0 && d.compareTo(Duration.ofMillis(800)) <= 0, d.toString());
            seen.add(d);
        }
        assertTrue(seen.size() > 50, "delays are spread, not in lockstep: " + seen.size());
    }

    @Test
    void negativeAttemptsCountAsTheFirstAndBadBoundsAreRefused() {
        assertEquals(Duration.ofMillis(100), new Backoff(BASE, MAX, () -> 1.0).delay(-3));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(Duration.ZERO, MAX));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(MAX, BASE));
    }
}
