package dev.hubcord.hub.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ReplayBufferTest {

    private static byte[] p(long seq) {
        return new byte[] {(byte) seq};
    }

    @Test
    void replaysEverythingAfterASeqItStillHolds() {
        ReplayBuffer buffer = new ReplayBuffer(4);
        for (long s = 1; s <= 3; s++) {
            buffer.add(s, p(s));
        }
        assertThat(buffer.after(0)).hasSize(3);
        assertThat(buffer.after(1)).containsExactly(p(2), p(3));
        assertThat(buffer.after(3)).isEmpty();
        assertThat(buffer.after(4)).isNull();
    }

    @Test
    void oldestFallOffWhenFull() {
        ReplayBuffer buffer = new ReplayBuffer(4);
        for (long s = 1; s <= 10; s++) {
            buffer.add(s, p(s));
        }
        assertThat(buffer.size()).isEqualTo(4);
        assertThat(buffer.after(5)).isNull();
        List<byte[]> after6 = buffer.after(6);
        assertThat(after6).containsExactly(p(7), p(8), p(9), p(10));
    }

    @Test
    void anAckDropsEverythingUpToIt() {
        ReplayBuffer buffer = new ReplayBuffer(8);
        for (long s = 1; s <= 6; s++) {
            buffer.add(s, p(s));
        }
        buffer.trimThrough(4);
        assertThat(buffer.size()).isEqualTo(2);
        assertThat(buffer.after(3)).isNull();
        assertThat(buffer.after(4)).containsExactly(p(5), p(6));
        buffer.trimThrough(2);
        assertThat(buffer.after(4)).containsExactly(p(5), p(6));
    }
}
