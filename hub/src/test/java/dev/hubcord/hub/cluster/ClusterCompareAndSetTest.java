package dev.hubcord.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the clustered hub stands on: a key-value update with an expected revision succeeds for one writer only, also
 * when writers race through different nodes of a NATS cluster. nats-server 2.9.10 (Debian 12) fails this (212 of 678
 * successful updates shared their expected revision with another); 2.10 passes, hence the hub's version floor.
 */
class ClusterCompareAndSetTest {

    @TempDir
    Path dir;

    @Test
    void racingUpdatesThroughTwoNodesNeverBothSucceedOnOneRevision() throws Exception {
        try (NatsCluster nats = NatsCluster.start(dir, 3); Connection a = nats.connect(0); Connection b = nats.connect(1)) {
            KeyValue viaA = new ClusterStore(a, 3, "a").bucket("hubcord-cas-check");
            KeyValue viaB = new ClusterStore(b, 3, "b").bucket("hubcord-cas-check");
            viaA.create("k", new byte[] {0});
            Map<Long, Integer> winsPerRevision = new ConcurrentHashMap<>();
            AtomicInteger wins = new AtomicInteger();
            Thread[] writers = new Thread[4];
            for (int t = 0; t < writers.length; t++) {
                KeyValue kv = t % 2 == 0 ? viaA : viaB;
                writers[t] = Thread.ofVirtual().start(() -> {
                    for (int i = 0; i < 250; i++) {
                        try {
                            long revision = kv.get("k").getRevision();
                            kv.update("k", new byte[] {1}, revision);
                            wins.incrementAndGet();
                            winsPerRevision.merge(revision, 1, Integer::sum);
                        } catch (JetStreamApiException lost) {
                            // another writer updated it first: expected
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }
                });
            }
            for (Thread writer : writers) {
                writer.join();
            }
            assertThat(wins.get()).as("updates succeeded").isGreaterThan(50);
            assertThat(winsPerRevision.values()).as("successful updates per expected revision").containsOnly(1);
        }
    }

    @Test
    void aHubRefusesANatsServerOlderThan210() {
        assertThat(ClusterStore.supported("2.9.10")).isFalse();
        assertThat(ClusterStore.supported("2.10.27")).isTrue();
        assertThat(ClusterStore.supported("2.11.0-beta.1")).isTrue();
        assertThat(ClusterStore.supported("3.0.0")).isTrue();
    }
}
