package dev.hubcord.hub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.testing.TestHub;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.ConnectionState;
import dev.hubcord.protocol.client.HubClientException;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.client.StateChange;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** HubClient against the real hub: identify, heartbeats, resume after a drop, 4009 and 4001. */
class HubClientLifecycleTest {

    private static String command(int i) {
        return "{\"command\":\"c" + i + "\",\"raw\":\"\",\"ids\":{\"message\":\"" + (1000 + i) + "\"}}";
    }

    @Test
    void identifiesAndKeepsTheConnectionWithAcknowledgedHeartbeats() throws Exception {
        try (TestHub hub = TestHub.start(Map.of("HUB_HEARTBEAT_INTERVAL_MS", "200", "HUB_RESUME_TIMEOUT_MS", "7000"));
                Clients worker = Clients.connected(Clients.options(hub, ServiceType.COMMANDS)
                        .name("worker-1").statistics(() -> Map.of("inFlight", 7)).build())) {
            var identified = worker.client.identified().orElseThrow();
            assertThat(identified.type()).isEqualTo(ServiceType.COMMANDS);
            assertThat(identified.heartbeatInterval()).isEqualTo(200);
            assertThat(identified.resumeTimeout()).isEqualTo(7000);
            Session session = worker.hubSession(hub);
            assertThat(session.name()).isEqualTo("worker-1");
            await().until(() -> session.stats().inFlight() == 7 && session.stats().heapUsed() > 0);
            // Several intervals pass: every heartbeat was acknowledged, so nothing was declared dead.
            await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3))
                    .until(() -> worker.client.state() == ConnectionState.CONNECTED && worker.errors.isEmpty());
        }
    }

    @Test
    void resumesAfterTheHubDropsTheConnectionAndFlushesWhatWasSentMeanwhile() throws Exception {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "10000"));
                Clients sharder = Clients.connected(hub, ServiceType.SHARDER);
                Clients audio = Clients.connected(hub, ServiceType.AUDIO);
                Clients worker = Clients.of(Clients.options(hub, ServiceType.COMMANDS)
                        .reconnectDelay(Duration.ofMillis(400), Duration.ofMillis(400)).build())) {
            AtomicInteger queuedWhileAway = new AtomicInteger(-1);
            worker.client.addConnectionListener(change -> {
                if (change.state() == ConnectionState.DISCONNECTED) {
                    // The reconnect is at least 200 ms away: these wait in the buffer.
                    for (int n = 1; n <= 3; n++) {
                        worker.client.send("PLAYER_PLAY", Map.of("guildID", Clients.GUILD, "n", n));
                    }
                    queuedWhileAway.set(worker.client.queued());
                }
            });
            worker.client.connect().get(10, TimeUnit.SECONDS);
            String session = worker.session();
            sharder.client.send("EXECUTE_COMMAND", Json.mapper().readTree(command(1)));
            await().until(() -> worker.named("EXECUTE_COMMAND").size() == 1);
            await().until(() -> hub.server().core().sessions().get(session).unackedCount() == 0);

            hub.server().core().sessions().get(session).connection().channel().close();
            await().until(() -> !hub.server().core().sessions().get(session).isConnected());
            for (int i = 2; i <= 3; i++) {
                sharder.client.send("EXECUTE_COMMAND", Json.mapper().readTree(command(i)));
            }
            await().until(() -> worker.named("RESUMED").size() == 1);
            assertThat(worker.session()).isEqualTo(session);
            assertThat(queuedWhileAway.get()).isEqualTo(3);
            assertThat(worker.states.stream().map(StateChange::state)).containsSubsequence(
                    ConnectionState.CONNECTED, ConnectionState.DISCONNECTED, ConnectionState.CONNECTING,
                    ConnectionState.RESUMING, ConnectionState.CONNECTED);
            await().until(() -> worker.named("EXECUTE_COMMAND").size() == 3);
            assertThat(worker.named("EXECUTE_COMMAND").stream().map(e -> e.data().get("command").asText()))
                    .containsExactly("c1", "c2", "c3");
            await().until(() -> audio.named("PLAYER_PLAY").size() == 3);
            assertThat(audio.named("PLAYER_PLAY").stream().map(e -> e.data().get("n").asInt()))
                    .containsExactly(1, 2, 3);
            await().until(() -> hub.server().core().sessions().get(session).unackedCount() == 0);
            List<Long> seqs = worker.events.stream().map(IncomingEvent::seq).toList();
            assertThat(seqs).doesNotHaveDuplicates().isSorted();
        }
    }

    @Test
    void fallsBackToIdentifyWhenTheSessionIsGone() throws Exception {
        try (TestHub hub = TestHub.start(Map.of("HUB_RESUME_TIMEOUT_MS", "10000"));
                Clients worker = Clients.connected(Clients.options(hub, ServiceType.COMMANDS)
                        .reconnectDelay(Duration.ofMillis(600), Duration.ofMillis(600)).build())) {
            String old = worker.session();
            Session session = worker.hubSession(hub);
            session.connection().channel().close();
            await().pollInterval(Duration.ofMillis(5)).until(() -> !session.isConnected());
            hub.server().core().endSession(session, "ended by the test");
            await().until(() -> worker.hasError(HubClientException.Kind.SESSION_INVALIDATED));
            await().until(() -> worker.client.state() == ConnectionState.CONNECTED
                    && worker.client.identified().isPresent() && !worker.session().equals(old));
            assertThat(worker.errors.stream().filter(e -> e.kind() == HubClientException.Kind.SESSION_INVALIDATED))
                    .allMatch(e -> e.closeCode() == 4009);
            assertThat(worker.named("IDENTIFIED")).hasSize(2);
        }
    }

    @Test
    void aWrongSecretFailsForGoodWithoutRetrying() throws Exception {
        try (TestHub hub = TestHub.start();
                Clients intruder = Clients.of(HubClientOptions.builder(hub.wsUri(), ServiceType.COMMANDS, "wrong")
                        .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(20)).build())) {
            var connected = intruder.client.connect();
            assertThatThrownBy(() -> connected.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class)
                    .cause().isInstanceOf(HubClientException.class)
                    .extracting(e -> ((HubClientException) e).kind())
                    .isEqualTo(HubClientException.Kind.AUTHENTICATION_FAILED);
            assertThat(intruder.client.state()).isEqualTo(ConnectionState.FAILED);
            await().until(() -> intruder.states.stream().anyMatch(
                    c -> c.state() == ConnectionState.FAILED && c.closeCode() == 4001));
            int statesAtFailure = intruder.states.size();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> intruder.states.size() == statesAtFailure
                            && intruder.client.state() == ConnectionState.FAILED);
            assertThat(hub.server().core().sessions().all()).isEmpty();
        }
    }
}
