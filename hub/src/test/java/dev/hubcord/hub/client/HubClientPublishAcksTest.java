package dev.hubcord.hub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.testing.TestHub;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.ConnectionState;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.IncomingEvent;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * HubClient with publisher acknowledgements against the real hub: a sharder publishes N commands
 * while its connection is dropped (it resumes) or the hub restarts (it identifies afresh, the new hub
 * knowing nothing), and a commands worker receives each exactly once. The restart is the hub's
 * shutdown (1001): what the old hub confirmed it also delivered before closing; what it had not
 * confirmed the client sends to the new hub.
 */
class HubClientPublishAcksTest {

    private static final int N = 3_000;
    /** Sent by the restart test while no hub is there at all. */
    private static final int EXTRA = 100;

    /** Counts each received command by its number. */
    private static final class Received {
        final Map<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();

        void record(IncomingEvent e) {
            if (e.name().equals("EXECUTE_COMMAND")) {
                counts.computeIfAbsent(e.data().path("ids").path("message").asInt(), k -> new AtomicInteger())
                        .incrementAndGet();
            }
        }

        int distinct() {
            return counts.size();
        }

        Map<Integer, Integer> duplicates() {
            return counts.entrySet().stream().filter(e -> e.getValue().get() != 1)
                    .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().get()));
        }
    }

    private static Map<String, Object> command(int i) {
        return Map.of("command", "c", "raw", "", "ids", Map.of("message", i));
    }

    /** Publishes 1..N from a thread of its own, asserting that every send is accepted. */
    private static Thread publish(HubClient sharder, AtomicInteger sent) {
        return Thread.ofPlatform().start(() -> {
            for (int i = 1; i <= N; i++) {
                assertThat(sharder.send("EXECUTE_COMMAND", command(i))).as("send " + i).isTrue();
                sent.set(i);
                if (i % 10 == 0) {
                    try {
                        Thread.sleep(1); // a steady stream rather than one burst, so the drops land mid-stream
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            }
        });
    }

    @Test
    void everyCommandArrivesExactlyOnceAcrossDroppedConnections() throws Exception {
        Received received = new Received();
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "30000"));
                Clients worker = Clients.connected(hub, ServiceType.COMMANDS);
                Clients sharder = Clients.connected(Clients.options(hub, ServiceType.SHARDER).publishAcks(true).build())) {
            worker.client.addEventListener(received::record);
            String session = sharder.session();
            AtomicInteger sent = new AtomicInteger();
            Thread publisher = publish(sharder.client, sent);
            for (int drop = 1; drop <= 3; drop++) {
                int after = drop * N / 4;
                await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= after);
                Session onHub = hub.server().core().sessions().get(session);
                // Abruptly, as a network failure would: what is in flight either way is lost with the socket.
                onHub.connection().channel().close();
                int resumes = drop;
                await().until(() -> sharder.named("RESUMED").size() == resumes
                        && sharder.client.state() == ConnectionState.CONNECTED);
            }
            publisher.join(60_000);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.distinct() == N);
            await().until(() -> sharder.client.unconfirmed() == 0);
            assertThat(received.duplicates()).as("delivered more than once").isEmpty();
            assertThat(sharder.session()).as("resumed, never identified afresh").isEqualTo(session);
            assertThat(sharder.named("RESUMED")).hasSize(3);
        }
    }

    @Test
    void everyCommandArrivesExactlyOnceAcrossAHubRestart() throws Exception {
        Received received = new Received();
        TestHub first = TestHub.start();
        int port = first.port();
        TestHub second = null;
        boolean firstClosed = false;
        try (Clients worker = Clients.connected(first, ServiceType.COMMANDS);
                Clients sharder = Clients.connected(Clients.options(first, ServiceType.SHARDER).publishAcks(true)
                        .build())) {
            worker.client.addEventListener(received::record);
            String firstSession = sharder.session();
            AtomicInteger sent = new AtomicInteger();
            Thread publisher = publish(sharder.client, sent);
            await().atMost(Duration.ofSeconds(30)).until(() -> sent.get() >= N / 3);
            first.close();
            firstClosed = true;
            // While no hub is there at all: these wait in the client.
            for (int i = N + 1; i <= N + EXTRA; i++) {
                assertThat(sharder.client.send("EXECUTE_COMMAND", command(i))).isTrue();
            }
            assertThat(sharder.client.queued()).isGreaterThanOrEqualTo(EXTRA);
            second = TestHub.start(Map.of("HUB_PORT", Integer.toString(port)));
            publisher.join(60_000);
            await().atMost(Duration.ofSeconds(30)).until(() -> received.distinct() == N + EXTRA);
            await().until(() -> sharder.client.unconfirmed() == 0);
            assertThat(received.duplicates()).as("delivered more than once").isEmpty();
            assertThat(sharder.session()).as("a new session on the new hub").isNotEqualTo(firstSession);
        } finally {
            if (!firstClosed) {
                first.close(); // HubServer.close is not idempotent
            }
            if (second != null) {
                second.close();
            }
        }
    }
}
