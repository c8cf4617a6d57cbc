package dev.hubcord.jdatests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.voice.VoiceServerConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import net.dv8tion.jda.api.audio.hooks.ConnectionStatus;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.VoiceChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7: JDA joins a voice channel (op 4) and its voice gateway handshake reaches Session Description. JDA 6.1.2
 * has no DAVE (its voice identify carries no {@code max_dave_protocol_version}), so the sim's voice server runs
 * without DAVE here; real Discord would close such a connection with 4017.
 */
class VoiceTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static JdaSim env;

    @BeforeAll
    static void start() {
        // STATE_FIRST: JDA needs VOICE_STATE_UPDATE (its session id) before VOICE_SERVER_UPDATE; with the sim's
        // default RANDOM order, a server-first reply makes JDA fail the join ("without having a session ID")
        env = JdaSim.start(c -> c.withVoice(c.voice().withDaveProtocolVersion(0))
                .withGateway(GatewayConfig.builder().identifyWindowMs(50)
                        .voiceReplyOrder(GatewayConfig.VoiceReplyOrder.STATE_FIRST).build()))
                .awaitConnected();
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void joinReachesSessionDescription() throws Exception {
        SimGuild simGuild = env.guild();
        long channelId = simGuild.snapshot().channels().stream().filter(SimChannel::isVoice)
                .filter(c -> c.userLimit() == 0 || simGuild.voiceCount(c.id()) < c.userLimit())
                .findFirst().map(SimChannel::id).orElseThrow();
        Guild guild = env.jda.getGuildById(simGuild.id());
        VoiceChannel channel = guild.getVoiceChannelById(channelId);
        guild.getAudioManager().openAudioConnection(channel);

        // the sim's own record (GET /_sim/voice/{guild}): a mode is set once Session Description went out
        HttpClient http = HttpClient.newHttpClient();
        URI stateUri = URI.create(env.sim.controlUrl() + "/voice/" + simGuild.id());
        await().atMost(Duration.ofSeconds(20)).until(() -> !state(http, stateUri).path("session").path("mode")
                .isMissingNode());
        JsonNode state = state(http, stateUri);
        JsonNode session = state.path("session");
        assertThat(state.path("connected").booleanValue()).as("voice gateway connection open").isTrue();
        assertThat(state.path("channel_id").asText()).isEqualTo(Long.toString(channelId));
        assertThat(session.path("user_id").asText()).isEqualTo(Long.toString(env.sim.population().bot().id()));
        assertThat(session.path("mode").asText()).as("Select Protocol chose a mode the sim offered")
                .isIn(VoiceServerConfig.AES_GCM, VoiceServerConfig.XCHACHA);
        assertThat(session.path("max_dave_protocol_version").intValue()).as("JDA 6.1.2 identifies without DAVE")
                .isZero();
        assertThat(state.path("dave").path("protocol_version").intValue()).isZero();
        assertThat(state.path("violations")).as("no voice protocol rule broken").isEmpty();
        // and JDA considers itself connected (after IP discovery and Session Description)
        await().atMost(Duration.ofSeconds(10)).until(() ->
                guild.getAudioManager().getConnectionStatus() == ConnectionStatus.CONNECTED);
    }

    private static JsonNode state(HttpClient http, URI uri) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(uri).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", uri, response.body()).isEqualTo(200);
        return MAPPER.readTree(response.body());
    }
}
