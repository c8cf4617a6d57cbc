package dev.hubcord.discordsim.control;

import static dev.hubcord.discordsim.support.Payloads.INTENTS;
import static dev.hubcord.discordsim.support.Payloads.identify;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimException;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.support.Sims;
import dev.hubcord.discordsim.support.TestGatewayClient;
import dev.hubcord.discordsim.support.VoiceClient;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /_sim/voice}: per-guild state, the frames that arrived, simulated listeners, and bad input. */
class VoiceControlApiTest {

    private static final byte[] SILENCE = {(byte) 0xf8, (byte) 0xff, (byte) 0xfe};
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private DiscordSim sim;
    private TestGatewayClient gw;
    private final List<VoiceClient> voiceClients = new ArrayList<>();

    /** A status and a parsed JSON body (null for none). */
    private record Reply(int status, JsonNode body) {}

    @BeforeEach
    void start() {
        sim = Sims.start(b -> b.voiceReplyOrder(GatewayConfig.VoiceReplyOrder.STATE_FIRST));
        gw = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE);
        gw.nextOp(10);
        gw.send(identify(sim.token(), INTENTS, 0, 1));
        gw.nextDispatch("READY");
    }

    @AfterEach
    void stop() throws Exception {
        for (VoiceClient c : voiceClients) {
            c.close();
        }
        gw.close();
        sim.close();
    }

    private Reply http(String method, String path, String body) throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(sim.controlUrl() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> r = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
        return new Reply(r.statusCode(), r.body().isEmpty() ? null : TestGatewayClient.JSON.readTree(r.body()));
    }

    private JsonNode get(String path) throws Exception {
        Reply r = http("GET", path, null);
        assertThat(r.status()).as("GET " + path + ": " + r.body()).isEqualTo(200);
        return r.body();
    }

    /** The bot joins the target's channel through op 4, identifies on the voice gateway and selects AES-GCM. */
    private VoiceClient joinAndConnect(VoiceClient.Target target) throws Exception {
        long guild = target.guild().id();
        gw.send("{\"op\":4,\"d\":{\"guild_id\":\"" + guild + "\",\"channel_id\":\"" + target.channel().id()
                + "\",\"self_mute\":false,\"self_deaf\":true}}");
        JsonNode state = gw.nextDispatch("VOICE_STATE_UPDATE").path("d");
        JsonNode server = gw.nextDispatch("VOICE_SERVER_UPDATE").path("d");
        VoiceClient c = VoiceClient.connect(server.path("endpoint").asText(), sim.voice().udpPort());
        voiceClients.add(c);
        c.identify(guild, sim.population().bot().id(), state.path("session_id").asText(),
                server.path("token").asText());
        c.selectAesGcm();
        return c;
    }

    @Test
    void stateShowsTheSessionDaveAndTheFramesThatArrived() throws Exception {
        VoiceClient.Target target = VoiceClient.joinable(sim).getFirst();
        String guild = Long.toUnsignedString(target.guild().id());
        JsonNode before = get("/voice/" + guild);
        assertThat(before.path("connected").asBoolean()).isFalse();
        assertThat(before.get("session").isNull()).isTrue();
        assertThat(before.get("channel_id").isNull()).isTrue();
        assertThat(before.path("frames").asLong()).isZero();
        assertThat(before.path("last_frame_age_ms").asLong()).isEqualTo(-1);
        assertThat(before.path("dave").path("protocol_version").asInt()).isEqualTo(1);

        VoiceClient bot = joinAndConnect(target);
        bot.speaking();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> get("/voice/" + guild).path("session").path("speaking").asBoolean());
        bot.sendFrame(new byte[] {1, 2, 3, 4, 5});
        bot.sendFrame(new byte[] {6, 7, 8});
        bot.sendFrame(SILENCE);
        await().atMost(Duration.ofSeconds(5)).until(() -> get("/voice/" + guild).path("frames").asLong() == 3);

        JsonNode state = get("/voice/" + guild);
        assertThat(state.path("connected").asBoolean()).isTrue();
        assertThat(state.path("channel_id").asText()).isEqualTo(Long.toUnsignedString(target.channel().id()));
        assertThat(state.path("session").path("ssrc").asInt()).isEqualTo(bot.ssrc());
        assertThat(state.path("session").path("mode").asText()).isEqualTo("aead_aes256_gcm_rtpsize");
        assertThat(state.path("session").path("max_dave_protocol_version").asInt()).isEqualTo(1);
        assertThat(state.path("session").path("user_id").asText())
                .isEqualTo(Long.toUnsignedString(sim.population().bot().id()));
        assertThat(state.path("silence_frames").asLong()).isEqualTo(1);
        assertThat(state.path("last_frame_age_ms").asLong()).isBetween(0L, 5_000L);
        assertThat(state.path("violations")).isEmpty();
        assertThat(sim.control().voice().frames(target.guild().id())).isEqualTo(3);

        JsonNode summary = get("/voice");
        assertThat(summary.path("endpoint").asText()).isEqualTo(sim.voice().endpoint());
        assertThat(summary.path("udp_port").asInt()).isEqualTo(sim.voice().udpPort());
        assertThat(summary.path("tls_ca_pem").asText()).isEqualTo(sim.voice().tls().caPem())
                .startsWith("-----BEGIN CERTIFICATE-----");
        assertThat(summary.path("frames").asLong()).isEqualTo(3);
        assertThat(summary.path("guilds")).hasSize(1);
        assertThat(summary.path("guilds").get(0).path("guild_id").asText()).isEqualTo(guild);
        assertThat(summary.path("guilds").get(0).path("frames").asLong()).isEqualTo(3);
        assertThat(summary.path("guilds").get(0).path("connected").asBoolean()).isTrue();

        // a skipped sequence number names this session's SSRC; a wrong payload type names none
        bot.send(new byte[] {9}, 0x78, 2);
        bot.send(new byte[] {9}, 0x60, 1);
        await().atMost(Duration.ofSeconds(5)).until(() -> get("/voice").path("violation_count").asInt() >= 2);
        JsonNode broken = get("/voice/" + guild);
        assertThat(broken.path("violations")).isNotEmpty()
                .allSatisfy(v -> assertThat(v.asText()).contains("ssrc " + bot.ssrc()));
        assertThat(get("/voice").path("violation_count").asInt()).isGreaterThan(broken.path("violations").size());
    }

    @Test
    void aListenerJoinsAndLeavesTheBotsChannelOverHttp() throws Exception {
        VoiceClient.Target target = VoiceClient.joinable(sim).getFirst();
        SimGuild g = target.guild();
        String guild = Long.toUnsignedString(g.id());
        VoiceClient bot = joinAndConnect(target);
        long user = member(g, 0);

        Reply added = http("POST", "/voice/" + guild + "/listeners", "{\"user_id\":\"" + user + "\"}");
        assertThat(added.status()).as(String.valueOf(added.body())).isEqualTo(200);
        assertThat(added.body().path("user_id").asText()).isEqualTo(Long.toUnsignedString(user));
        assertThat(sim.voice().listener(g.id(), user)).isNotNull();
        JsonNode listeners = get("/voice/" + guild).path("listeners");
        assertThat(listeners).hasSize(1);
        assertThat(listeners.get(0).path("user_id").asText()).isEqualTo(Long.toUnsignedString(user));
        String clientsConnect = "\"op\":11";
        await().atMost(Duration.ofSeconds(5)).until(() -> bot.ws.rawMessages().stream()
                .map(b -> new String(b, java.nio.charset.StandardCharsets.UTF_8))
                .anyMatch(m -> m.contains(clientsConnect) && m.contains(Long.toUnsignedString(user))));

        Reply again = http("POST", "/voice/" + guild + "/listeners", "{\"user_id\":\"" + user + "\"}");
        assertThat(again.status()).isEqualTo(400);
        assertThat(again.body().path("message").asText()).contains("already listening");

        assertThat(http("DELETE", "/voice/" + guild + "/listeners/" + user, null).status()).isEqualTo(204);
        assertThat(get("/voice/" + guild).path("listeners")).isEmpty();
        assertThat(sim.voice().listener(g.id(), user)).isNull();
        assertThat(http("DELETE", "/voice/" + guild + "/listeners/" + user, null).status()).isEqualTo(404);
    }

    @Test
    void beforeTheBotJoinsAListenerNeedsAVoiceChannelWhichBecomesTheGuildsChannel() throws Exception {
        SimGuild g = sim.population().guilds().getLast();
        String guild = Long.toUnsignedString(g.id());
        String path = "/voice/" + guild + "/listeners";
        long user = member(g, 0);
        List<SimChannel> voiceChannels = g.snapshot().channels().stream().filter(SimChannel::isVoice).toList();
        SimChannel text = g.snapshot().channels().stream().filter(c -> c.type() == SimChannel.TEXT).findFirst()
                .orElseThrow();

        assertThat(http("POST", path, "{\"user_id\":\"" + user + "\"}").status()).as("no channel yet").isEqualTo(400);
        assertThat(http("POST", path, "{\"user_id\":\"" + user + "\",\"channel_id\":\"" + text.id() + "\"}")
                .status()).as("a text channel").isEqualTo(400);
        assertThat(http("POST", path, "{\"user_id\":\"" + user + "\",\"channel_id\":\"12345\"}").status())
                .as("no such channel").isEqualTo(404);
        assertThat(http("POST", path, "{\"user_id\":\"" + user + "\",\"channel_id\":\"x\"}").status())
                .as("not a snowflake").isEqualTo(400);

        long first = voiceChannels.getFirst().id();
        assertThat(http("POST", path, "{\"user_id\":\"" + user + "\",\"channel_id\":\"" + first + "\"}").status())
                .isEqualTo(200);
        assertThat(sim.voice().assignedChannel(g.id())).isEqualTo(OptionalLong.of(first));
        Reply elsewhere = http("POST", path, "{\"user_id\":\"" + member(g, 1) + "\",\"channel_id\":\""
                + voiceChannels.getLast().id() + "\"}");
        assertThat(elsewhere.status()).as("listeners share the guild's one channel").isEqualTo(400);
        assertThat(http("POST", path, "{\"user_id\":\"" + member(g, 1) + "\"}").status())
                .as("without channel_id: the guild's channel").isEqualTo(200);
        assertThat(get("/voice/" + guild).path("listeners")).hasSize(2);
    }

    @Test
    void badIdsAre400UnknownGuildsAndMembers404() throws Exception {
        SimGuild g = sim.population().guilds().getFirst();
        String guild = Long.toUnsignedString(g.id());
        String bot = Long.toUnsignedString(sim.population().bot().id());
        Reply notANumber = http("GET", "/voice/abc", null);
        assertThat(notANumber.status()).isEqualTo(400);
        assertThat(notANumber.body().path("message").asText()).contains("guild id");
        assertThat(http("GET", "/voice/0", null).status()).isEqualTo(400);
        assertThat(http("GET", "/voice/-5", null).status()).isEqualTo(400);
        Reply unknown = http("GET", "/voice/123456", null);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body().path("message").asText()).contains("unknown guild");
        assertThat(http("POST", "/voice/123456/listeners", "{\"user_id\":\"" + bot + "\"}").status()).isEqualTo(404);

        String listeners = "/voice/" + guild + "/listeners";
        assertThat(http("POST", listeners, "not json").status()).isEqualTo(400);
        assertThat(http("POST", listeners, "{}").status()).as("no user_id").isEqualTo(400);
        assertThat(http("POST", listeners, "{\"user_id\":\"" + bot + "\"}").status()).as("the bot").isEqualTo(400);
        assertThat(http("POST", listeners, "{\"user_id\":\"1\",\"channel_id\":\"1\"}").status())
                .as("not a member").isEqualTo(404);
        assertThat(http("DELETE", listeners + "/xyz", null).status()).isEqualTo(400);
        assertThat(http("DELETE", listeners + "/" + member(g, 0), null).status()).as("not listening").isEqualTo(404);
        assertThat(http("POST", "/voice/" + guild + "/nothing", "{}").status()).isEqualTo(404);
        assertThat(http("PUT", "/voice", null).status()).isEqualTo(404);

        assertThatThrownBy(() -> sim.control().voice().addListener(123456, member(g, 0), 0))
                .isInstanceOfSatisfying(SimException.class,
                        e -> assertThat(e.kind()).isEqualTo(SimException.Kind.NOT_FOUND));
    }

    /** The guild's {@code index}-th member that is not the bot. */
    private long member(SimGuild g, int index) {
        long bot = sim.population().bot().id();
        return g.members().stream().map(m -> m.userId()).filter(id -> id != bot).skip(index).findFirst()
                .orElseThrow();
    }
}
