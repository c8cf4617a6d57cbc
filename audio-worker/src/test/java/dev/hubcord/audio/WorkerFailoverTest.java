package dev.hubcord.audio;

import dev.hubcord.audio.testing.Failover;
import dev.hubcord.audio.testing.Harness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A worker that leaves (closes its hub session) mid-track: the hub redelivers the guild's held PLAYER_JOIN to the
 * other worker, which rejoins voice and restores the queue from the commands side's snapshot. The cross-process
 * variant with a killed process is {@code AudioWorkerIT}.
 */
class WorkerFailoverTest {

    @TempDir
    Path dir;

    @Test
    void aGuildMovesToTheOtherWorkerAndPlaysOnFromWhereItStood() throws Exception {
        try (Harness h = new Harness()) {
            AudioWorker first = h.startWorker("audio-a");
            int ssrc = Failover.startOnFirstWorker(h, dir);
            h.startWorker("audio-b");
            long position = h.snapshots.get(Failover.GUILD).path("position").asLong();
            first.close();
            Failover.assertContinuesOnSecondWorker(h, ssrc, position);
        }
    }
}
