package dev.hubcord.discordrest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Which global requests an acquire tells the hub of, and that each is told once. */
class UnheardSendsTest {

    private static final long MS = TimeUnit.MILLISECONDS.toNanos(1);
    private final UnheardSends sends = new UnheardSends();

    @Test
    void answeredUnheardSendsAreCarriedOnceWithTheirAgeAndOlderThanAWindowNotAtAll() {
        UnheardSends.Send old = sends.sent(null);
        UnheardSends.Send recent = sends.sent(null);
        UnheardSends.Send heard = sends.sent(null);
        sends.unheard(old, 0);
        sends.unheard(recent, 700 * MS);
        sends.heard(heard);
        UnheardSends.Batch batch = sends.take("s2", 1_000 * MS);
        assertThat(batch.ages()).containsExactly(300);
        assertThat(sends.take("s2", 1_000 * MS).isEmpty()).as("a concurrent acquire does not carry it again").isTrue();
        sends.charged(batch);
        assertThat(sends.size()).isZero();
    }

    @Test
    void anAcquireWithoutAnswerLeavesThemForTheNext() {
        sends.unheard(sends.sent(null), 0);
        UnheardSends.Batch lost = sends.take("s1", 10 * MS);
        sends.notCharged(lost);
        assertThat(sends.take("s1", 20 * MS).ages()).containsExactly(20);
    }

    @Test
    void requestsStillOutAreCarriedAtAgeZeroUnlessOnAPermitOfTheAskingSession() {
        UnheardSends.Send local = sends.sent(null);
        sends.sent("old-session");
        UnheardSends.Send current = sends.sent("s2");
        UnheardSends.Batch batch = sends.take("s2", 0);
        assertThat(batch.ages()).containsExactly(0, 0);
        sends.charged(batch);
        assertThat(sends.size()).as("still out: reported when answered").isEqualTo(3);
        sends.heard(local);
        sends.heard(current);
        assertThat(sends.size()).isEqualTo(1);
        assertThat(UnheardSends.grantedOn(current, "s2")).isTrue();
        assertThat(UnheardSends.grantedOn(local, "s2")).isFalse();
    }

    @Test
    void boundedOldestFirst() {
        for (int i = 0; i < UnheardSends.MAX + 10; i++) {
            sends.unheard(sends.sent(null), i * MS / 100);
        }
        assertThat(sends.size()).isEqualTo(UnheardSends.MAX);
    }
}
