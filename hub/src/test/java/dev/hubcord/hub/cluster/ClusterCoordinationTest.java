package dev.hubcord.hub.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.hub.lease.Leases;
import io.nats.client.Connection;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two hub nodes' coordination through a real three-node NATS JetStream cluster: IDENTIFY slots and leases are
 * granted to one node at a time, whichever node asks, also while a NATS node is killed.
 */
class ClusterCoordinationTest {

    @TempDir
    static Path dir;

    private static NatsCluster nats;

    @BeforeAll
    static void startNats() throws Exception {
        nats = NatsCluster.start(dir, 3);
    }

    @AfterAll
    static void stopNats() throws Exception {
        if (nats != null) {
            nats.close();
        }
    }

    @Test
    void twoNodesNeverGrantOneIdentifyBucketCloserThanTheIntervalEvenWhenANatsNodeDies() throws Exception {
        long interval = TimeUnit.MILLISECONDS.toNanos(300);
        try (Connection a = nats.connect(0); Connection b = nats.connect(1)) {
            KvIdentifySpacing nodeA = new KvIdentifySpacing(new ClusterStore(a, 3, "hub-a").bucket(ClusterStore.IDENTIFY_BUCKET), "hub-a");
            KvIdentifySpacing nodeB = new KvIdentifySpacing(new ClusterStore(b, 3, "hub-b").bucket(ClusterStore.IDENTIFY_BUCKET), "hub-b");
            // each node has four sharders' IDENTIFY requests queued for the same bucket
            List<long[]> grants = Collections.synchronizedList(new ArrayList<>());
            CountDownLatch done = new CountDownLatch(2);
            for (KvIdentifySpacing node : List.of(nodeA, nodeB)) {
                long id = node == nodeA ? 0 : 1;
                Thread.ofVirtual().start(() -> {
                    int granted = 0;
                    while (granted < 4) {
                        long called = System.nanoTime();
                        long wait = node.tryTake(0, interval);
                        if (wait == 0) {
                            grants.add(new long[] {called, id, System.nanoTime()});
                            granted++;
                        } else {
                            // ask again sooner than told, as a racing node would: the store must still refuse
                            java.util.concurrent.locks.LockSupport.parkNanos(Math.min(wait, interval / 10));
                        }
                    }
                    done.countDown();
                });
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> grants.size() >= 3);
            nats.kill(1); // node b's NATS server: b's client moves to another, the R3 bucket keeps its quorum
            assertThat(done.await(60, TimeUnit.SECONDS)).as("all eight granted").isTrue();

            // A grant is written somewhere between its call and its return (a call may take seconds while NATS fails
            // over). Whichever of two grants was written first, the other returned at least the interval after the
            // first was called: if neither order fits, they were closer than the interval.
            List<long[]> all = List.copyOf(grants);
            for (int i = 0; i < all.size(); i++) {
                for (int j = i + 1; j < all.size(); j++) {
                    long[] x = all.get(i);
                    long[] y = all.get(j);
                    assertThat(Math.max(y[2] - x[0], x[2] - y[0])).as("grants %d and %d", i, j)
                            .isGreaterThanOrEqualTo(interval);
                }
            }
            assertThat(all).hasSize(8);
        } finally {
            nats.startNode(1);
            nats.awaitJetStream(1);
        }
    }

    @Test
    void aLeaseHasOneHolderAcrossNodesAndPassesOnWhenReleasedOrExpired() throws Exception {
        try (Connection a = nats.connect(0); Connection b = nats.connect(2)) {
            Leases nodeA = new KvLeases(new ClusterStore(a, 3, "hub-a").bucket(ClusterStore.LEASES_BUCKET), "hub-a");
            Leases nodeB = new KvLeases(new ClusterStore(b, 3, "hub-b").bucket(ClusterStore.LEASES_BUCKET), "hub-b");

            assertThat(nodeA.acquire("registration", "session-1", 60_000).granted()).isTrue();
            Leases.Grant refused = nodeB.acquire("registration", "session-2", 60_000);
            assertThat(refused.granted()).isFalse();
            assertThat(refused.holder()).isEqualTo("session-1");
            assertThat(nodeA.acquire("registration", "session-1", 60_000).granted()).as("renewal").isTrue();

            assertThat(nodeA.releaseAll("session-1")).isEqualTo(1);
            assertThat(nodeB.acquire("registration", "session-2", 800).granted()).isTrue();
            // session-2's node dies without releasing: the lease passes on once its ttl has gone by unrenewed
            long start = System.nanoTime();
            await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(50))
                    .until(() -> nodeA.acquire("registration", "session-3", 60_000).granted());
            assertThat(System.nanoTime() - start).isGreaterThanOrEqualTo(TimeUnit.MILLISECONDS.toNanos(700));
        }
    }

    @Test
    void contendersOnTwoNodesNeverHoldOneLeaseAtOnce() throws Exception {
        try (Connection a = nats.connect(1); Connection b = nats.connect(2)) {
            List<Leases> nodes = List.of(
                    new KvLeases(new ClusterStore(a, 3, "hub-a").bucket(ClusterStore.LEASES_BUCKET), "hub-a"),
                    new KvLeases(new ClusterStore(b, 3, "hub-b").bucket(ClusterStore.LEASES_BUCKET), "hub-b"));
            AtomicInteger holders = new AtomicInteger();
            AtomicInteger maxHolders = new AtomicInteger();
            AtomicInteger turns = new AtomicInteger();
            List<Thread> threads = new ArrayList<>();
            for (int t = 0; t < 6; t++) {
                Leases node = nodes.get(t % 2);
                String session = "contender-" + t;
                threads.add(Thread.ofVirtual().start(() -> {
                    for (int round = 0; round < 15; round++) {
                        if (node.acquire("assigner", session, 60_000).granted()) {
                            maxHolders.accumulateAndGet(holders.incrementAndGet(), Math::max);
                            turns.incrementAndGet();
                            holders.decrementAndGet();
                            node.release("assigner", session);
                        }
                    }
                }));
            }
            for (Thread thread : threads) {
                thread.join(Duration.ofSeconds(60));
            }
            assertThat(maxHolders.get()).isEqualTo(1);
            assertThat(turns.get()).as("the lease changed hands").isGreaterThan(3);
        }
    }
}
