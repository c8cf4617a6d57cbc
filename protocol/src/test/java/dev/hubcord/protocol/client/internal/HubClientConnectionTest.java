package dev.hubcord.protocol.client.internal;

import static dev.hubcord.protocol.client.ConnectionState.CLOSED;
import static dev.hubcord.protocol.client.ConnectionState.CONNECTED;
import static dev.hubcord.protocol.client.ConnectionState.CONNECTING;
import static dev.hubcord.protocol.client.ConnectionState.DISCONNECTED;
import static dev.hubcord.protocol.client.ConnectionState.FAILED;
import static dev.hubcord.protocol.client.ConnectionState.IDENTIFYING;
import static dev.hubcord.protocol.client.ConnectionState.RESUMING;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.GatewayInfo;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientException;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.Identified;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Connection lifecycle against a scripted hub over real loopback sockets. */
class HubClientConnectionTest {

    private ScriptedHub hub;

    @BeforeEach
    void startHub() throws InterruptedException {
        hub = new ScriptedHub();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void identifiesWithEveryOptionAndCompletesConnectWithIdentified() throws Exception {
        var options = ClientFixture.options(hub, ServiceType.SHARDER)
                .name("sharder-1")
                .events(List.of("GUILD_CREATE", "MESSAGE_REACTION_ADD"))
                .gateway(new GatewayInfo(9, 1, "111", "222"))
                .build();
        try (var f = new ClientFixture(options)) {
            var connected = f.client.connect();
            var peer = hub.acceptAndHello(60_000);
            JsonNode identify = peer.receive(0);
            JsonNode d = identify.get("d");
            assertEquals("sharder", d.get("type").asText());
            assertEquals(ClientFixture.SECRET, d.get("secret").asText());
            assertFalse(d.get("compress").asBoolean(true));
            assertEquals("sharder-1", d.get("name").asText());
            assertEquals("[\"GUILD_CREATE\",\"MESSAGE_REACTION_ADD\"]", d.get("events").toString());
            assertEquals("{\"shards\":9,\"maxConcurrency\":1,\"userID\":\"111\",\"applicationID\":\"222\"}",
                    d.get("gateway").toString());
            assertEquals(IDENTIFYING, f.client.state());

            peer.event("IDENTIFIED", 1, "{\"session\":\"s-1\",\"type\":\"sharder\",\"heartbeatInterval\":60000,"
                    + "\"resumeTimeout\":30000,\"bot\":{\"userID\":\"111\",\"applicationID\":\"222\"},"
                    + "\"shards\":[0,3,6],\"shardCount\":9,\"maxConcurrency\":1}");
            Identified identified = connected.get(5, TimeUnit.SECONDS);
            assertEquals("s-1", identified.session());
            assertEquals(ServiceType.SHARDER, identified.type());
            assertEquals(60_000, identified.heartbeatInterval());
            assertEquals(30_000, identified.resumeTimeout());
            assertEquals("111", identified.bot().userId());
            assertEquals(List.of(0, 3, 6), identified.shards());
            assertEquals(9, identified.shardCount());
            assertEquals(1, identified.maxConcurrency());
            assertEquals(identified, f.client.identified().orElseThrow());
            await().until(() -> f.stateSequence().equals(List.of(CONNECTING, IDENTIFYING, CONNECTED)));
            // IDENTIFIED is also an event for listeners, delivered off the event loop.
            await().until(() -> f.events.size() == 1);
            assertEquals("IDENTIFIED", f.events.getFirst().name());
            assertFalse(f.eventThreads.getFirst().startsWith("hub-client-io"));
        }
    }

    @Test
    void heartbeatsWithStatisticsAndAnswersTheHubsRequestAtOnce() throws Exception {
        var options = ClientFixture.options(hub, ServiceType.AUDIO)
                .statistics(() -> Map.of("players", 4, "playingPlayers", 2, "heapUsed", -1))
                .build();
        try (var f = new ClientFixture(options)) {
            f.client.connect();
            var peer = hub.acceptAndHello(300);
            peer.receive(0);
            JsonNode beat = peer.receive(1);
            assertTrue(beat.get("d").get("heapUsed").asLong() > 0, "heapUsed is the client's own, not overridable");
            assertEquals(4, beat.get("d").get("players").asInt());
            assertEquals(2, beat.get("d").get("playingPlayers").asInt());
            peer.sendText("{\"op\":4,\"d\":null}");
            peer.receive(1);
            peer.sendText("{\"op\":4,\"d\":null}");
            assertTrue(f.errors.isEmpty(), "acknowledged heartbeats keep the connection: " + f.errors);
        }
        // With a one-minute interval, a heartbeat that comes at once can only be the answer to the hub's op 1.
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS).build())) {
            f.client.connect();
            var peer = hub.acceptAndHello(60_000);
            peer.receive(0);
            peer.sendText("{\"op\":1,\"d\":null}");
            JsonNode beat = peer.receive(1);
            assertTrue(beat.get("d").has("heapUsed"));
        }
    }

    @Test
    void missingHeartbeatAckClosesWithNon1000AndResumesWithLastSeq() throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS).build())) {
            f.client.connect();
            var peer = hub.acceptAndHello(200);
            peer.receive(0);
            peer.identified("s-7", 1, "");
            peer.event("EXECUTE_COMMAND", 2, "{\"command\":\"ping\"}");
            peer.event("EXECUTE_COMMAND", 3, "{\"command\":\"pong\"}");
            peer.receive(1); // never acknowledged
            await().until(() -> !peer.isOpen());
            assertEquals(HubClient.DEAD_CONNECTION_CLOSE_CODE, peer.closeCodeReceived());
            await().until(() -> f.hasError(HubClientException.Kind.HEARTBEAT_TIMEOUT));

            var second = hub.acceptAndHello(60_000);
            JsonNode resume = second.receive(6);
            assertEquals("s-7", resume.get("d").get("session").asText());
            assertEquals(3, resume.get("d").get("seq").asLong());
            assertEquals(ClientFixture.SECRET, resume.get("d").get("secret").asText());
            assertFalse(resume.get("d").get("compress").asBoolean(true));
            assertEquals(RESUMING, f.client.state());
            second.event("RESUMED", 4, "{\"session\":\"s-7\",\"replayed\":0}");
            await().until(() -> f.client.state() == CONNECTED);
        }
    }

    @Test
    void resumesAfterADropSkippingReplayedDuplicatesAndFlushingTheBufferAfterResumed() throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS).build())) {
            f.client.connect();
            var peer = hub.acceptAndHello(60_000);
            peer.receive(0);
            peer.identified("s-2", 1, "");
            peer.event("EXECUTE_COMMAND", 2, "{\"command\":\"a\"}");
            assertEquals(2, peer.receive(7).get("d").get("s").asLong());
            peer.event("BOT_INFO", 3, "{\"userID\":\"1\",\"applicationID\":\"2\"}");
            await().until(() -> f.events.size() == 3);
            peer.drop();
            await().until(() -> f.client.state() != CONNECTED);

            var second = hub.acceptAndHello(60_000);
            JsonNode resume = second.receive(6);
            assertEquals(3, resume.get("d").get("seq").asLong());
            assertTrue(f.client.send("PLAYER_PLAY", Map.of("guildID", "5", "n", 1)));
            assertTrue(f.client.send("PLAYER_PLAY", Map.of("guildID", "5", "n", 2)));
            assertEquals(2, f.client.queued(), "sends wait for RESUMED");
            assertNull(second.poll());
            // The hub replays an already received event, then a new one, then RESUMED.
            second.event("BOT_INFO", 3, "{\"userID\":\"1\",\"applicationID\":\"2\"}");
            second.event("EXECUTE_COMMAND", 4, "{\"command\":\"b\"}");
            second.event("RESUMED", 5, "{\"session\":\"s-2\",\"replayed\":2}");
            // The ACK of s=4 comes from the dispatcher, so it may go before or after the flushed sends.
            List<JsonNode> next = List.of(second.receive(), second.receive(), second.receive());
            assertEquals(List.of(1, 2), next.stream().filter(p -> p.get("op").asInt() == 2)
                    .map(p -> p.get("d").get("n").asInt()).toList());
            assertEquals(List.of(4L), next.stream().filter(p -> p.get("op").asInt() == 7)
                    .map(p -> p.get("d").get("s").asLong()).toList());
            assertEquals(0, f.client.queued());
            await().until(() -> f.seqs().equals(List.of(1L, 2L, 3L, 4L, 5L)));
            assertEquals(List.of(CONNECTING, IDENTIFYING, CONNECTED, DISCONNECTED, CONNECTING, RESUMING, CONNECTED),
                    f.stateSequence());
            assertTrue(f.hasError(HubClientException.Kind.CONNECTION_LOST));
        }
    }

    @Test
    void invalidSessionFallsBackToIdentify() throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS).build())) {
            f.client.connect();
            var peer = hub.acceptAndHello(60_000);
            peer.receive(0);
            peer.identified("old", 1, "");
            await().until(() -> f.client.state() == CONNECTED);
            peer.closeWith(1001, "hub shutting down");
            // First reconnect: RESUME of the old session, refused with 4009.
            var second = hub.acceptAndHello(60_000);
            assertEquals("old", second.receive(6).get("d").get("session").asText());
            second.closeWith(4009, "unknown session");
            await().until(() -> f.hasError(HubClientException.Kind.SESSION_INVALIDATED));
            var third = hub.acceptAndHello(60_000);
            JsonNode identify = third.receive(0);
            assertEquals("commands", identify.get("d").get("type").asText());
            assertTrue(f.client.identified().isEmpty());
            third.identified("new", 1, "");
            await().until(() -> f.client.identified().map(Identified::session).orElse("").equals("new"));
            assertEquals(CONNECTED, f.client.state());
        }
    }

    @Test
    void authenticationFailureStopsWithoutRetrying() throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS).build())) {
            var connected = f.client.connect();
            var peer = hub.acceptAndHello(60_000);
            peer.receive(0);
            peer.closeWith(4001, "authentication failed");
            var failure = assertThrows(ExecutionException.class, () -> connected.get(5, TimeUnit.SECONDS));
            var error = assertInstanceOf(HubClientException.class, failure.getCause());
            assertEquals(HubClientException.Kind.AUTHENTICATION_FAILED, error.kind());
            assertEquals(4001, error.closeCode());
            assertEquals(FAILED, f.client.state());
            await().until(() -> f.states.stream().anyMatch(s -> s.state() == FAILED && s.closeCode() == 4001));
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2)).until(() -> hub.connections() == 1);
        }
    }

    @Test
    void undecodablePayloadClosesWith4004AndResumes() throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS).build())) {
            f.client.connect();
            var peer = hub.acceptAndHello(60_000);
            peer.receive(0);
            peer.identified("s-x", 1, "");
            peer.sendText("{not json");
            await().until(() -> !peer.isOpen());
            assertEquals(4004, peer.closeCodeReceived());
            assertTrue(f.hasError(HubClientException.Kind.PROTOCOL_ERROR));
            var second = hub.acceptAndHello(60_000);
            assertEquals(1, second.receive(6).get("d").get("seq").asLong());
        }
    }

    @Test
    void retriesWhileTheHubIsUnreachableAndConnectsWhenItIsBack() throws Exception {
        var unreachable = hub.uri();
        hub.close();
        var options = HubClientOptions.builder(unreachable, ServiceType.COMMANDS, ClientFixture.SECRET)
                .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(20))
                .build();
        try (var f = new ClientFixture(options)) {
            var connected = f.client.connect();
            await().until(() -> f.errors.stream().filter(
                    e -> e.kind() == HubClientException.Kind.CONNECTION_FAILED).count() >= 3);
            assertFalse(connected.isDone());
        }
        hub = new ScriptedHub();
    }

    @Test
    void closeSends1000FailsPendingWorkAndReleasesThreads() throws Exception {
        var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS).build());
        f.client.connect();
        var peer = hub.acceptAndHello(60_000);
        peer.receive(0);
        peer.identified("s-c", 1, "");
        await().until(() -> f.client.state() == CONNECTED);
        var pending = f.client.request("LOAD_TRACKS", null, Duration.ofMinutes(1));
        peer.receive(2);
        f.client.close();
        await().until(() -> peer.closeCodeReceived() == 1000);
        assertEquals(CLOSED, f.client.state());
        var failure = assertThrows(ExecutionException.class, () -> pending.get(5, TimeUnit.SECONDS));
        assertEquals(HubClientException.Kind.CLOSED, ((HubClientException) failure.getCause()).kind());
        assertFalse(f.client.send("PLAYER_PLAY", Map.of()), "sends after close are refused");
        await().until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(t -> t.getName().startsWith("hub-client-io") && t.isAlive()));
        f.client.close(); // idempotent
    }
}
