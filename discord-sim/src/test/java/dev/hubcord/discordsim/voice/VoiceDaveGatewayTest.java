package dev.hubcord.discordsim.voice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.dave.DaveOutbound;
import dev.hubcord.dave.DaveSession;
import dev.hubcord.discordsim.json.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The simulated voice gateway's DAVE rules, seen by a bare WebSocket client (the JDK's). */
class VoiceDaveGatewayTest {

    static VoiceServer voice;
    static HttpClient http = HttpClient.newHttpClient();

    /** What a connection received: text messages, binary frames (whole, seq included) and the close code. */
    static final class Client implements WebSocket.Listener {
        final List<JsonNode> text = new CopyOnWriteArrayList<>();
        final List<byte[]> binary = new CopyOnWriteArrayList<>();
        final CompletableFuture<Integer> closed = new CompletableFuture<>();
        private final StringBuilder partText = new StringBuilder();
        private ByteBuffer partBinary = ByteBuffer.allocate(1 << 16);
        WebSocket ws;

        static Client open() throws Exception {
            Client c = new Client();
            c.ws = http.newWebSocketBuilder().buildAsync(URI.create("ws://" + voice.endpoint() + "/?v=8"), c)
                    .get(5, TimeUnit.SECONDS);
            return c;
        }

        void send(String json) {
            ws.sendText(json, true).join();
        }

        @Override
        public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
            partText.append(data);
            if (last) {
                text.add(Json.parseOrNull(partText.toString()));
                partText.setLength(0);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
            partBinary.put(data);
            if (last) {
                partBinary.flip();
                byte[] b = new byte[partBinary.remaining()];
                partBinary.get(b);
                binary.add(b);
                partBinary = ByteBuffer.allocate(1 << 16);
            }
            w.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
            closed.complete(statusCode);
            return null;
        }
    }

    @BeforeAll
    static void start() {
        voice = VoiceServer.start(VoiceServerConfig.defaults());
    }

    @AfterAll
    static void stop() {
        voice.close();
    }

    private static String identify(long guild, int maxDave) {
        return "{\"op\":0,\"d\":{\"server_id\":\"" + guild + "\",\"user_id\":\"42\",\"session_id\":\"s\","
                + "\"token\":\"t\",\"max_dave_protocol_version\":" + maxDave + "}}";
    }

    @Test
    void aClientWithoutDaveIsClosedWith4017() throws Exception {
        Client c = Client.open();
        c.send(identify(900_001, 0));
        assertThat(c.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4017);
        assertThat(voice.session(900_001)).isNull();
    }

    @Test
    void aBinaryFrameBeforeIdentifyIs4003AndAnUnknownBinaryOpIs4001() throws Exception {
        Client early = Client.open();
        early.ws.sendBinary(ByteBuffer.wrap(new byte[] {26, 1, 2, 3}), true).join();
        assertThat(early.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4003);

        Client c = Client.open();
        c.send(identify(900_002, 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> c.text.stream().anyMatch(m -> m.path("op").asInt() == 2));
        c.ws.sendBinary(ByteBuffer.wrap(new byte[] {99, 0}), true).join();
        assertThat(c.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4001);
    }

    @Test
    void sessionDescriptionNegotiatesVersion1ThenTheExternalSenderArrivesAsANumberedBinaryFrame() throws Exception {
        Client c = Client.open();
        c.send(identify(900_003, 1));
        await().atMost(Duration.ofSeconds(5)).until(() -> c.text.stream().anyMatch(m -> m.path("op").asInt() == 2));
        c.send("{\"op\":1,\"d\":{\"protocol\":\"udp\",\"data\":{\"address\":\"127.0.0.1\",\"port\":1,"
                + "\"mode\":\"aead_aes256_gcm_rtpsize\"}}}");
        await().atMost(Duration.ofSeconds(5)).until(() -> !c.binary.isEmpty());
        JsonNode description = c.text.stream().filter(m -> m.path("op").asInt() == 4).findFirst().orElseThrow();
        assertThat(description.path("d").path("dave_protocol_version").asInt()).isEqualTo(1);
        byte[] externalSender = c.binary.getFirst();
        int seq = ((externalSender[0] & 0xff) << 8) | (externalSender[1] & 0xff);
        assertThat(seq).isEqualTo(description.path("seq").asInt() + 1); // one sequence for text and binary
        assertThat(externalSender[2]).isEqualTo((byte) 25);

        // a garbage key package: the delivery service refuses it and the gateway drops the client
        c.ws.sendBinary(ByteBuffer.wrap(new byte[] {26, 0, 1, 2, 3}), true).join();
        assertThat(c.closed.get(5, TimeUnit.SECONDS)).isEqualTo(4002);
        assertThat(voice.messages(900_003, 26)).hasSize(1);
    }

    @Test
    void aTransitionThatAClientNeverAcknowledgesIsExecutedAfterTheTimeout() throws Exception {
        int timeoutMs = 700;
        VoiceServer shared = voice;
        try (VoiceServer quick = VoiceServer.start(VoiceServerConfig.defaults().withTransitionTimeoutMs(timeoutMs))) {
            voice = quick;
            long guild = 900_004;
            Client c = Client.open();
            c.send(identify(guild, 1));
            await().atMost(Duration.ofSeconds(5)).until(() -> c.text.stream().anyMatch(m -> m.path("op").asInt() == 2));
            c.send("{\"op\":1,\"d\":{\"protocol\":\"udp\",\"data\":{\"address\":\"127.0.0.1\",\"port\":1,"
                    + "\"mode\":\"aead_aes256_gcm_rtpsize\"}}}");
            await().atMost(Duration.ofSeconds(5)).until(() -> !c.binary.isEmpty()); // op 25
            // a real key package, then silence: this client never answers op 23
            DaveSession stuck = new DaveSession(42, guild);
            for (DaveOutbound m : stuck.onSelectProtocolAck(1)) {
                c.ws.sendBinary(ByteBuffer.wrap(((DaveOutbound.Binary) m).frame()), true).join();
            }
            await().atMost(Duration.ofSeconds(5)).until(() -> quick.messages(guild, 26).size() == 1);

            SimulatedListener listener = quick.addListener(guild, 77);
            await().atMost(Duration.ofSeconds(5)).until(() -> c.binary.stream().anyMatch(b -> b[2] == 30));
            long welcomed = System.nanoTime();
            byte[] welcome = c.binary.stream().filter(b -> b[2] == 30).findFirst().orElseThrow();
            int transitionId = ((welcome[3] & 0xff) << 8) | (welcome[4] & 0xff);

            await().atMost(Duration.ofSeconds(5)).until(() -> c.text.stream().anyMatch(m -> m.path("op").asInt() == 22));
            long waitedMs = (System.nanoTime() - welcomed) / 1_000_000;
            JsonNode execute = c.text.stream().filter(m -> m.path("op").asInt() == 22).findFirst().orElseThrow();
            assertThat(execute.path("d").path("transition_id").asInt()).isEqualTo(transitionId);
            assertThat(waitedMs).as("op 22 waited for the missing op 23").isGreaterThanOrEqualTo(timeoutMs / 2);
            assertThat(quick.messages(guild, 23)).as("the client never sent op 23").isEmpty();
            assertThat(listener.session().encryptor().protocolVersion()).as("the listener executed it too").isEqualTo(1);
            assertThat(quick.violations()).isEmpty();
        } finally {
            voice = shared;
        }
    }
}
