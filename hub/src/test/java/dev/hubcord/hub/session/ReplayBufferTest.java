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

    @Test
    void theOldestFallOffPastTheByteBoundAndAcksGiveTheBytesBack() {
        ReplayBuffer buffer = new ReplayBuffer(100, 1000);
        for (long s = 1; s <= 10; s++) {
            buffer.add(s, new byte[300]);
        }
        assertThat(buffer.bytes()).isEqualTo(900);
        assertThat(buffer.size()).isEqualTo(3);
        assertThat(buffer.after(6)).isNull();
        assertThat(buffer.after(7)).hasSize(3);
        buffer.trimThrough(9);
        assertThat(buffer.bytes()).isEqualTo(300);
        buffer.add(11, new byte[5000]); // larger than the bound alone: kept, as the newest
        assertThat(buffer.after(10)).hasSize(1);
        assertThat(buffer.bytes()).isEqualTo(5000);
    }

    @Test
    void overwritingTheRingGivesTheOldestBytesBack() {
        ReplayBuffer buffer = new ReplayBuffer(4, 1_000_000);
        for (long s = 1; s <= 10; s++) {
            buffer.add(s, new byte[10]);
        }
        assertThat(buffer.bytes()).isEqualTo(40);
    }
}
