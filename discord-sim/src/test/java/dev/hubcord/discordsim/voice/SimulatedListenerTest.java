package dev.hubcord.discordsim.voice;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.dave.DaveException;
import org.junit.jupiter.api.Test;

/** A listener keeps the last few minutes of frames, however long it listens, and counts them all. */
class SimulatedListenerTest {

    @Test
    void keepsTheLastFramesAndCountsEveryOne() {
        SimulatedListener listener = new SimulatedListener(42, 7);
        int offered = SimulatedListener.KEPT + 10;
        for (int i = 0; i < offered; i++) {
            listener.receive(1, new byte[] {1, 2, 3}); // not in a group with the bot: no cryptor for it
        }
        assertThat(listener.frames()).isEqualTo(offered);
        assertThat(listener.failureCount()).isEqualTo(offered);
        assertThat(listener.failures()).hasSize(SimulatedListener.KEPT)
                .allMatch(kind -> kind == DaveException.Kind.MISSING_CRYPTOR);
        assertThat(listener.decryptedCount()).isZero();
        assertThat(listener.decrypted()).isEmpty();
    }
}
