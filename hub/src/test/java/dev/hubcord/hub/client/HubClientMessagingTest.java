package dev.hubcord.hub.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.hub.testing.TestHub;
import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.AckMode;
import dev.hubcord.protocol.client.HubClientException;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.protocol.codec.PayloadCodec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** HubClient against the real hub: commands with ACKs, request/reply, compression, the send buffer. */
class HubClientMessagingTest {

    private static JsonNode command(int i, String raw) throws Exception {
        return Json.mapper().readTree("{\"command\":\"c" + i + "\",\"raw\":\"" + raw + "\",\"ids\":{\"message\":\""
                + (1000 + i) + "\"}}");
    }

    @Test
    void commandsArriveInOrderAndAreAcknowledgedAutomatically() throws Exception {
        try (TestHub hub = TestHub.start();
                Clients sharder = Clients.connected(hub, ServiceType.SHARDER);
                Clients worker = Clients.connected(hub, ServiceType.COMMANDS)) {
            for (int i = 0; i < 50; i++) {
                assertThat(sharder.client.send("EXECUTE_COMMAND", command(i, ""))).isTrue();
            }
            await().until(() -> worker.named("EXECUTE_COMMAND").size() == 50);
            assertThat(worker.named("EXECUTE_COMMAND").stream().map(e -> e.data().get("command").asText()))
                    .containsExactlyElementsOf(IntStream.range(0, 50).mapToObj(i -> "c" + i).toList());
            await().until(() -> worker.hubSession(hub).unackedCount() == 0 && worker.client.unacknowledged() == 0);
        }
    }

    @Test
    void manualAcksLeaveTheCommandUnacknowledgedUntilTheWorkerIsDone() throws Exception {
        try (TestHub hub = TestHub.start();
                Clients sharder = Clients.connected(hub, ServiceType.SHARDER);
                Clients worker = Clients.connected(Clients.options(hub, ServiceType.COMMANDS)
                        .ackMode(AckMode.MANUAL).build())) {
            sharder.client.send("EXECUTE_COMMAND", command(1, ""));
            await().until(() -> worker.named("EXECUTE_COMMAND").size() == 1);
            IncomingEvent running = worker.named("EXECUTE_COMMAND").getFirst();
            assertThat(worker.hubSession(hub).unackedCount()).isEqualTo(1);
            assertThat(worker.client.unacknowledged()).isEqualTo(1);
            running.ack();
            running.ack();
            await().until(() -> worker.hubSession(hub).unackedCount() == 0);
            assertThat(worker.errors).isEmpty();
        }
    }

    @Test
    void eventsNobodyListensForAreAcknowledgedAndADeferredOneWaitsForItsListener() throws Exception {
        try (TestHub hub = TestHub.start();
                Clients audio = Clients.connected(hub, ServiceType.AUDIO);
                Clients worker = Clients.connected(hub, ServiceType.COMMANDS)) {
            java.util.concurrent.BlockingQueue<IncomingEvent> held = new java.util.concurrent.LinkedBlockingQueue<>();
            worker.client.addEventListener("TRACK_START", event -> {
                event.deferAck();
                held.add(event);
            });
            // PLAYER_UPDATE: no listener of its own (only the recording one), acknowledged all the same
            for (int i = 0; i < 100; i++) {
                audio.client.send("PLAYER_UPDATE", Map.of("guildID", Clients.GUILD, "position", i));
            }
            await().until(() -> worker.named("PLAYER_UPDATE").size() == 100);
            await().until(() -> worker.hubSession(hub).unackedCount() == 0 && worker.client.unacknowledged() == 0);

            audio.client.send("TRACK_START", Map.of("guildID", Clients.GUILD));
            IncomingEvent start = held.poll(10, TimeUnit.SECONDS);
            assertThat(start).isNotNull();
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> worker.hubSession(hub).unackedCount() == 1);
            start.ack();
            await().until(() -> worker.hubSession(hub).unackedCount() == 0);
            assertThat(worker.errors).isEmpty();
        }
    }

    @Test
    void onlyRequestEventsCarryANonceForTheClient() throws Exception {
        try (TestHub hub = TestHub.start();
                Clients sharder = Clients.connected(hub, ServiceType.SHARDER);
                Clients worker = Clients.connected(hub, ServiceType.COMMANDS)) {
            assertThatThrownBy(() -> worker.client.request("GATEWAY_SEND", PayloadCodec.object(), Duration.ofSeconds(1)))
                    .isInstanceOf(HubClientException.class).hasMessageContaining("not a request event");
            ObjectNode d = (ObjectNode) command(1, "");
            d.put("nonce", "message-nonce");
            sharder.client.send("EXECUTE_COMMAND", d);
            await().until(() -> worker.named("EXECUTE_COMMAND").size() == 1);
            IncomingEvent e = worker.named("EXECUTE_COMMAND").getFirst();
            assertThat(e.nonce()).isNull();
            assertThat(e.data().get("nonce").asText()).isEqualTo("message-nonce");
        }
    }

    @Test
    void requestIsAnsweredThroughTheHubAndTimesOutWhenNobodyReplies() throws Exception {
        try (TestHub hub = TestHub.start();
                Clients audio = Clients.connected(hub, ServiceType.AUDIO);
                Clients worker = Clients.connected(hub, ServiceType.COMMANDS)) {
            audio.client.addEventListener("LOAD_TRACKS", request -> {
                if (!request.data().get("identifier").asText().equals("silence")) {
                    audio.client.reply(request, Map.of("tracks", List.of(request.data().get("identifier").asText())));
                }
            });
            JsonNode reply = worker.client.request("LOAD_TRACKS",
                    PayloadCodec.object().put("identifier", "song.wav"), Duration.ofSeconds(10)).get(10, TimeUnit.SECONDS);
            assertThat(reply.get("tracks").toString()).isEqualTo("[\"song.wav\"]");
            assertThat(worker.named("REPLY")).isEmpty();

            var unanswered = worker.client.request("LOAD_TRACKS",
                    PayloadCodec.object().put("identifier", "silence"), Duration.ofMillis(300));
            assertThatThrownBy(() -> unanswered.get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).hasCauseInstanceOf(TimeoutException.class);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZSTD", "ZLIB"})
    void compressedSessionsCarryLargeAndSmallPayloads(Compression compression) throws Exception {
        try (TestHub hub = TestHub.start();
                Clients sharder = Clients.connected(hub, ServiceType.SHARDER);
                Clients worker = Clients.connected(Clients.options(hub, ServiceType.COMMANDS)
                        .compression(compression).build())) {
            assertThat(worker.hubSession(hub).connection().compression()).isEqualTo(compression);
            String big = "y".repeat(200 * 1024) + UUID.randomUUID();
            for (int i = 0; i < 30; i++) {
                sharder.client.send("EXECUTE_COMMAND", command(i, i == 15 ? big : "r" + i));
            }
            await().until(() -> worker.named("EXECUTE_COMMAND").size() == 30);
            List<IncomingEvent> commands = worker.named("EXECUTE_COMMAND");
            for (int i = 0; i < 30; i++) {
                assertThat(commands.get(i).data().get("raw").asText()).isEqualTo(i == 15 ? big : "r" + i);
            }
            assertThat(worker.errors).isEmpty();
        }
    }

    @Test
    void whatIsSentBeforeConnectingWaitsInABoundedBufferAndGoesOutAfterIdentified() throws Exception {
        try (TestHub hub = TestHub.start();
                Clients audio = Clients.connected(hub, ServiceType.AUDIO);
                Clients worker = Clients.of(Clients.options(hub, ServiceType.COMMANDS)
                        .sendBufferCapacity(2).build())) {
            assertThat(worker.client.send("PLAYER_PLAY", Map.of("guildID", Clients.GUILD, "n", 1))).isTrue();
            assertThat(worker.client.send("PLAYER_PLAY", Map.of("guildID", Clients.GUILD, "n", 2))).isTrue();
            assertThat(worker.client.send("PLAYER_PLAY", Map.of("guildID", Clients.GUILD, "n", 3))).isFalse();
            await().until(() -> worker.hasError(HubClientException.Kind.BUFFER_FULL));
            worker.client.connect().get(10, TimeUnit.SECONDS);
            await().until(() -> audio.named("PLAYER_PLAY").size() == 2);
            assertThat(audio.named("PLAYER_PLAY").stream().map(e -> e.data().get("n").asInt())).containsExactly(1, 2);
        }
    }
}
