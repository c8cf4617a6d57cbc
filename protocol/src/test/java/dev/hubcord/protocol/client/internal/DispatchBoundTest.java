package dev.hubcord.protocol.client.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hubcord.protocol.ServiceType;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

/** A client whose listeners are stuck stops reading at its dispatch bound, and loses nothing when they resume. */
class DispatchBoundTest {

    @Test
    void aStuckListenerHoldsTheClientAtItsDispatchCapacityThenEverythingArrivesInOrder() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        try (ScriptedHub hub = new ScriptedHub();
                ClientFixture f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS)
                        .dispatchCapacity(10).build())) {
            // (the fixture's own listener records each event first)
            f.client.addEventListener(event -> {
                try {
                    release.await(30, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            var connected = f.client.connect();
            var peer = hub.acceptAndHello(60_000);
            peer.receive(0);
            peer.identified("s", 1, "");
            connected.get(5, TimeUnit.SECONDS);
            int n = 200;
            // 30 KB each: one socket read (at most 64 KB) carries at most two events past the point where reading stops
            String padding = "p".repeat(30_000);
            // the scripted hub's sends wait for the socket, which fills once the client stops reading: another thread
            CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
                for (int i = 2; i < n + 2; i++) {
                    peer.event("EXECUTE_COMMAND", i, "{\"command\":\"c" + i + "\",\"raw\":\"" + padding + "\"}");
                }
            });
            await().atMost(Duration.ofSeconds(10)).until(() -> f.client.dispatchWaiting() >= 10);
            long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(300);
            while (System.nanoTime() < deadline) {
                assertTrue(f.client.dispatchWaiting() <= 10 + 3, () -> "waiting " + f.client.dispatchWaiting());
                Thread.sleep(10); // sampling a bound over time, not waiting for a condition
            }
            release.countDown();
            sent.get(20, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(20)).until(() -> f.events.size() == n + 1);
            assertEquals(LongStream.rangeClosed(1, n + 1).boxed().toList(), f.seqs());
        }
    }
}
