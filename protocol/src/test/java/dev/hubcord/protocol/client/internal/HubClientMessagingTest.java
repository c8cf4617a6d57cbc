package dev.hubcord.protocol.client.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.AckMode;
import dev.hubcord.protocol.client.ConnectionState;
import dev.hubcord.protocol.client.HubClientException;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.codec.PayloadCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Events, acks, requests, sends and compression against a scripted hub over real loopback sockets. */
class HubClientMessagingTest {

    private ScriptedHub hub;

    @BeforeEach
    void startHub() throws InterruptedException {
        hub = new ScriptedHub();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    /** Connects a client and completes IDENTIFY with session {@code s}; returns the peer. */
    private ScriptedHub.Peer connect(ClientFixture f, Compression compression) throws Exception {
        var connected = f.client.connect();
        var peer = hub.acceptAndHello(60_000);
        peer.receive(0);
        peer.compress(compression);
        peer.identified("s", 1, "");
        connected.get(5, TimeUnit.SECONDS);
        return peer;
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZSTD", "ZLIB"})
    void decodesCompressedSessionsIncludingPayloadsFarAbove64KiB(Compression compression) throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS)
                .compression(compression).build())) {
            var connected = f.client.connect();
            var peer = hub.acceptAndHello(60_000);
            JsonNode identify = peer.receive(0);
            assertEquals(compression.identifyValue().toString(), identify.get("d").get("compress").asText());
            peer.compress(compression);
            peer.identified("z", 1, "");
            assertEquals("z", connected.get(5, TimeUnit.SECONDS).session());
            String big = "x".repeat(300 * 1024) + new Random(7).ints(20_000, 'a', 'z' + 1)
                    .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append);
            for (int i = 2; i <= 20; i++) {
                peer.event("EXECUTE_COMMAND", i, "{\"command\":\"c" + i + "\"}");
            }
            peer.event("EXECUTE_COMMAND", 21, "{\"command\":\"" + big + "\"}");
            await().until(() -> f.events.size() == 21);
            for (int i = 2; i <= 20; i++) {
                assertEquals("c" + i, f.events.get(i - 1).data().get("command").asText());
            }
            assertEquals(big, f.events.get(20).data().get("command").asText());
            assertEquals(ConnectionState.CONNECTED, f.client.state());
        }
    }

    @Test
    void autoAckAcknowledgesOneAndGuildEventsAfterTheListenerButNotDirectEvents() throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.AUDIO).build())) {
            List<Long> ackedWhenListenerRan = new CopyOnWriteArrayList<>();
            f.client.addEventListener("VOICE_STATE_UPDATE", e -> ackedWhenListenerRan.add(e.acked() ? 1L : 0L));
            var peer = connect(f, Compression.NONE);
            peer.event("BOT_INFO", 2, "{\"userID\":\"1\",\"applicationID\":\"2\"}");
            peer.event("VOICE_STATE_UPDATE", 3, "{\"guild_id\":\"9\"}");
            assertEquals(3, peer.receive(7).get("d").get("s").asLong(), "BOT_INFO is direct: no ACK");
            assertEquals(List.of(0L), ackedWhenListenerRan);
            await().until(() -> f.client.unacknowledged() == 0);
        }
    }

    @Test
    void manualAckSendsOneAckOnlyWhenTheApplicationSaysSo() throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS)
                .ackMode(AckMode.MANUAL).build())) {
            var peer = connect(f, Compression.NONE);
            peer.event("EXECUTE_COMMAND", 2, "{\"command\":\"a\",\"redelivered\":true}");
            peer.event("EXECUTE_COMMAND", 3, "{\"command\":\"b\"}");
            await().until(() -> f.events.size() == 3);
            assertEquals(2, f.client.unacknowledged());
            IncomingEvent second = f.events.get(1);
            IncomingEvent third = f.events.get(2);
            assertTrue(second.redelivered());
            assertFalse(third.redelivered());
            third.ack();
            third.ack();
            second.ack();
            assertEquals(3, peer.receive(7).get("d").get("s").asLong());
            assertEquals(2, peer.receive(7).get("d").get("s").asLong());
            assertEquals(0, f.client.unacknowledged());
            peer.sendText("{\"op\":1,\"d\":null}");
            assertEquals(1, peer.receive().get("op").asInt(), "the second ack() of s=3 sent nothing");
        }
    }

    @Test
    void deliversInOrderOffTheEventLoopAndReportsThrowingListeners() throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS).build())) {
            f.client.addEventListener("EXECUTE_COMMAND", e -> {
                if (e.seq() == 5) {
                    throw new IllegalStateException("boom");
                }
                Thread.sleep(2); // a slow listener must not reorder later events
            });
            var peer = connect(f, Compression.NONE);
            for (int i = 2; i <= 40; i++) {
                peer.event("EXECUTE_COMMAND", i, "{}");
            }
            await().until(() -> f.events.size() == 40);
            assertEquals(LongStream.rangeClosed(1, 40).boxed().toList(), f.seqs());
            assertTrue(f.eventThreads.stream().allMatch(t -> t.equals("hub-client-events")), f.eventThreads.toString());
            await().until(() -> f.hasError(HubClientException.Kind.LISTENER_FAILED));
            for (int i = 2; i <= 40; i++) {
                assertEquals(i, peer.receive(7).get("d").get("s").asLong(), "the failed event is acked too");
            }
        }
    }

    @Test
    void requestCompletesWithTheMatchingReplyAndTimesOutWithout() throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS).build())) {
            var peer = connect(f, Compression.NONE);
            var data = PayloadCodec.object().put("identifier", "song.wav");
            var answer = f.client.request("LOAD_TRACKS", data, Duration.ofSeconds(5));
            JsonNode sent = peer.receive(2);
            assertEquals("LOAD_TRACKS", sent.get("t").asText());
            String nonce = sent.get("d").get("nonce").asText();
            assertFalse(nonce.isEmpty());
            assertFalse(data.has("nonce"), "the caller's object is not modified");
            peer.event("REPLY", 2, "{\"nonce\":\"other\",\"tracks\":[]}");
            peer.event("REPLY", 3, "{\"nonce\":\"" + nonce + "\",\"tracks\":[\"t1\"]}");
            JsonNode reply = answer.get(5, TimeUnit.SECONDS);
            assertEquals("[\"t1\"]", reply.get("tracks").toString());
            await().until(() -> f.events.size() == 2);
            assertEquals("other", f.events.get(1).nonce(), "an unmatched REPLY goes to listeners");

            var unanswered = f.client.request("LOAD_TRACKS", data, Duration.ofMillis(100));
            var failure = assertThrows(ExecutionException.class, () -> unanswered.get(5, TimeUnit.SECONDS));
            assertInstanceOf(TimeoutException.class, failure.getCause());
        }
    }

    @Test
    void replyCarriesTheRequestsNonce() throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.AUDIO).build())) {
            f.client.addEventListener("LOAD_TRACKS", e -> f.client.reply(e, Map.of("tracks", List.of("a"))));
            var peer = connect(f, Compression.NONE);
            peer.event("LOAD_TRACKS", 2, "{\"nonce\":\"n-42\",\"identifier\":\"x\"}");
            JsonNode reply = peer.receive(2);
            assertEquals("REPLY", reply.get("t").asText());
            assertEquals("n-42", reply.get("d").get("nonce").asText());
            assertEquals("[\"a\"]", reply.get("d").get("tracks").toString());
            await().until(() -> f.events.size() == 2);
            var notARequest = f.events.getFirst();
            var error = assertThrows(HubClientException.class, () -> f.client.reply(notARequest, Map.of()));
            assertEquals(HubClientException.Kind.INVALID_ARGUMENT, error.kind());
        }
    }

    @Test
    void sendsWaitInABoundedBufferUntilIdentifiedAndGoOutInOrder() throws Exception {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.SHARDER)
                .sendBufferCapacity(3).build())) {
            assertTrue(f.client.send("SHARD_STATUS", Map.of("shard", 0, "status", "READY")));
            assertTrue(f.client.sendCache(Map.of("type", "user", "id", "1")));
            assertTrue(f.client.send("SHARD_STATUS", Map.of("shard", 2)));
            assertFalse(f.client.send("SHARD_STATUS", Map.of("shard", 1)), "the fourth payload is refused");
            await().until(() -> f.hasError(HubClientException.Kind.BUFFER_FULL));
            assertEquals(3, f.client.queued());

            var connected = f.client.connect();
            var peer = hub.acceptAndHello(60_000);
            assertEquals(0, peer.receive(0).get("op").asInt());
            assertNull(peer.poll(), "nothing but IDENTIFY before IDENTIFIED");
            peer.identified("s", 1, "");
            connected.get(5, TimeUnit.SECONDS);
            assertEquals("READY", peer.receive(2).get("d").get("status").asText());
            assertEquals("user", peer.receive(5).get("d").get("type").asText());
            assertEquals(2, peer.receive(2).get("d").get("shard").asInt());
            assertEquals(0, f.client.queued());
        }
    }

    @Test
    void refusesWhatTheHubWouldCloseTheConnectionFor() {
        try (var f = new ClientFixture(ClientFixture.options(hub, ServiceType.COMMANDS)
                .maxPayloadBytes(4096).build())) {
            var unknown = assertThrows(HubClientException.class, () -> f.client.send("NOT_AN_EVENT", Map.of()));
            assertEquals(HubClientException.Kind.INVALID_ARGUMENT, unknown.kind());
            var notAllowed = assertThrows(HubClientException.class, () -> f.client.send("EXECUTE_COMMAND", Map.of()));
            assertEquals(HubClientException.Kind.INVALID_ARGUMENT, notAllowed.kind());
            // A commands worker may upsert members and users (cache-miss fills), nothing else.
            var cache = assertThrows(HubClientException.class, () -> f.client.sendCache(Map.of("type", "guild",
                    "id", "1")));
            assertEquals(HubClientException.Kind.INVALID_ARGUMENT, cache.kind());
            var delete = assertThrows(HubClientException.class, () -> f.client.sendCache(Map.of("type", "user",
                    "id", "1", "delete", true)));
            assertEquals(HubClientException.Kind.INVALID_ARGUMENT, delete.kind());
            var tooLarge = assertThrows(HubClientException.class,
                    () -> f.client.send("PLAYER_PLAY", Map.of("guildID", "1", "x", "y".repeat(5000))));
            assertEquals(HubClientException.Kind.INVALID_ARGUMENT, tooLarge.kind());
            assertEquals(0, f.client.queued());
        }
    }
}
