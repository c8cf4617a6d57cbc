package dev.hubcord.hub.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.testing.Metrics;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.StuckClient;
import dev.hubcord.hub.testing.TestHub;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * A worker that stops reading costs the hub a bounded amount, whatever is sent: its outbound backlog stops at its
 * bound (measured by the hub's own {@code hub_outbound_backlog_bytes}) or it is held at its window, and every other
 * event goes to the worker that reads.
 */
class BackpressureTest {

    private static final String PADDING = "x".repeat(900);

    private static String command(int i) {
        return "{\"command\":\"c" + i + "\",\"raw\":\"" + PADDING + "\",\"ids\":{}}";
    }

    private static Session session(TestHub hub, String id) {
        return hub.server().core().sessions().get(id);
    }

    /** Sends {@code n} commands from the sharder on another thread (its sends block when the hub stops reading). */
    private static CompletableFuture<Void> sendCommands(RawClient sharder, int n) {
        return CompletableFuture.runAsync(() -> {
            for (int i = 0; i < n; i++) {
                sharder.event("EXECUTE_COMMAND", command(i));
                if (i % 500 == 0) {
                    sharder.heartbeat(); // as a client does, until its sends block
                }
            }
        }, Executors.newVirtualThreadPerTaskExecutor());
    }

    /** Reads and acknowledges commands until {@code expected} distinct ones arrived, sampling the backlog gauge. */
    private static Set<String> drain(TestHub hub, RawClient worker, int expected, AtomicLong maxBacklog) {
        Set<String> got = new HashSet<>();
        int count = 0;
        while (got.size() < expected) {
            JsonNode e = worker.nextEvent();
            got.add(e.at("/d/command").asText());
            worker.ack(e.get("s").longValue());
            if (++count % 1000 == 0) {
                maxBacklog.accumulateAndGet((long) Metrics.value(hub, "hub_outbound_backlog_bytes"), Math::max);
            }
        }
        return got;
    }

    @Test
    void aStuckWorkersBacklogStaysAtItsBoundWhile100000CommandsGoToTheOther() {
        long boundBytes = 1 << 20;
        // a long heartbeat interval: the workers here do not heartbeat, and on a busy machine this takes a while
        try (TestHub hub = TestHub.start(Map.of("HUB_RATE_LIMIT", "100000000", "HUB_MAX_UNACKED", "10000000",
                        "HUB_OUTBOUND_BACKLOG", "1000", "HUB_OUTBOUND_BACKLOG_BYTES", Long.toString(boundBytes),
                        "HUB_HEARTBEAT_INTERVAL_MS", "600000"));
                RawClient sharder = RawClient.identified(hub, "sharder");
                StuckClient stuck = StuckClient.identified(hub, "commands", null);
                RawClient healthy = RawClient.identified(hub, "commands")) {
            int n = 100_000;
            CompletableFuture<Void> sent = sendCommands(sharder, n);
            AtomicLong maxBacklog = new AtomicLong();
            AtomicLong maxStuckBacklog = new AtomicLong();
            Runnable sample = () -> {
                maxBacklog.accumulateAndGet((long) Metrics.value(hub, "hub_outbound_backlog_bytes"), Math::max);
                maxStuckBacklog.accumulateAndGet(session(hub, stuck.sessionId()).connection().backlogBytes(), Math::max);
            };
            // the stuck worker holds what reached its socket and its backlog; every other command reaches the other
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                sample.run();
                return session(hub, stuck.sessionId()).unackedCount() > 0;
            });
            Set<String> got = new HashSet<>();
            long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
            while ((!sent.isDone() || got.size() + session(hub, stuck.sessionId()).unackedCount() < n)
                    && System.nanoTime() < deadline) {
                JsonNode e = healthy.poll(Duration.ofSeconds(1));
                if (e != null && e.get("op").intValue() == 2) {
                    got.add(e.at("/d/command").asText());
                    healthy.ack(e.get("s").longValue());
                }
                if (got.size() % 500 == 0) {
                    sample.run();
                }
            }
            sent.join();
            int held = session(hub, stuck.sessionId()).unackedCount();
            assertThat(got.size() + held).as("every command went to exactly one worker").isEqualTo(n);
            // a few MB of socket buffers and the 1 MiB backlog: a small share of the 100 MB sent
            assertThat(held).isLessThan(n / 10);
            assertThat(maxStuckBacklog.get()).as("the stuck worker's backlog").isBetween(boundBytes / 2, boundBytes + 4096);
            // the gauge sums every connection: the reading worker's backlog comes and goes within the same bound
            assertThat(maxBacklog.get()).isLessThanOrEqualTo(2 * (boundBytes + 4096));
            assertThat(Metrics.value(hub, "hub_events_held_back_total")).isGreaterThan(0);
            assertThat(session(hub, stuck.sessionId()).isConnected()).as("held back, not closed").isTrue();
        }
    }

    @Test
    void aWorkerIsHeldAtTheWindowItAskedForAndTheRestGoElsewhere() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RATE_LIMIT", "100000000", "HUB_MAX_UNACKED", "1000"));
                RawClient sharder = RawClient.identified(hub, "sharder");
                StuckClient stuck = StuckClient.identified(hub, "commands", "\"maxUnacked\":10");
                RawClient healthy = RawClient.identified(hub, "commands", null, "\"maxUnacked\":50000")) {
            assertThat(healthy.identifiedData().get("maxUnacked").intValue()).as("capped at HUB_MAX_UNACKED").isEqualTo(1000);
            int n = 5_000;
            CompletableFuture<Void> sent = sendCommands(sharder, n);
            Set<String> got = drain(hub, healthy, n - 10, new AtomicLong());
            sent.join();
            assertThat(session(hub, stuck.sessionId()).unackedCount()).isEqualTo(10);
            assertThat(got).hasSize(n - 10);
            assertThat(healthy.poll(Duration.ofMillis(300))).as("nothing more for the healthy worker").isNull();
        }
    }

    @Test
    void aSharderIsNotReadWhileItsEventsCanGoNowhereAndLosesNothing() {
        try (TestHub hub = TestHub.start(Map.of("HUB_RATE_LIMIT", "100000000", "HUB_PENDING_LIMIT", "4000",
                        "HUB_HEARTBEAT_INTERVAL_MS", "2000"));
                RawClient sharder = RawClient.identified(hub, "sharder")) {
            int n = 8_000; // twice the waiting queue: without the pause the oldest 4,000 would be dropped
            CompletableFuture<Void> sent = sendCommands(sharder, n);
            await().atMost(Duration.ofSeconds(30)).until(() -> Metrics.value(hub, "hub_producers_paused_total") >= 1);
            // (whether the sharder's own sends back up depends on the kernel's socket buffers, which may hold all of
            // them: the proof that reads stopped is that nothing overflowed the waiting queue, checked at the end)
            assertThat(Metrics.value(hub, "hub_events_waiting")).isLessThanOrEqualTo(4000);
            // held for longer than the heartbeat timeout (twice 2 s): not closed with 4007, and sent op 4 meanwhile
            // so that the client's own check does not take the connection for dead
            await().during(Duration.ofMillis(4500)).atMost(Duration.ofSeconds(6)).until(() -> !sharder.isClosed());
            while (sharder.poll(Duration.ZERO) != null) {
                // answers to the heartbeats sent before the hold
            }
            JsonNode op4 = sharder.poll(Duration.ofSeconds(3));
            assertThat(op4 == null ? -1 : op4.get("op").intValue()).as("an op 4 while held").isEqualTo(4);
            try (RawClient worker = RawClient.identified(hub, "commands")) {
                Set<String> got = drain(hub, worker, n, new AtomicLong());
                assertThat(got).hasSize(n);
            }
            sent.join();
            assertThat(Metrics.value(hub, "hub_events_pending_overflow_total")).isZero();
        }
    }
}
