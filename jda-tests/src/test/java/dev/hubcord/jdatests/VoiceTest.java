package dev.hubcord.jdatests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.voice.VoiceServerConfig;
import java.time.Duration;
import net.dv8tion.jda.api.audio.hooks.ConnectionStatus;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.VoiceChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7: JDA joins a voice channel (op 4) over {@code wss://} and its voice gateway handshake reaches Session
 * Description. Without a DAVE session factory (JDA's default, no native library needed) JDA identifies without
 * DAVE, so the sim's voice server runs without it here (real Discord would close such a connection with 4017);
 * {@code VoiceDaveIT} is the same join with DAVE through jdave.
 */
class VoiceTest {

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
    void joinReachesSessionDescription() {
        SimGuild simGuild = env.guild();
        long channelId = env.joinableVoiceChannel(simGuild);
        Guild guild = env.jda.getGuildById(simGuild.id());
        VoiceChannel channel = guild.getVoiceChannelById(channelId);
        guild.getAudioManager().openAudioConnection(channel);

        // the sim's own record: a mode is set once Session Description went out
        SimVoiceApi api = new SimVoiceApi(env.sim);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.state(simGuild.id()).path("session").path("mode").isTextual());
        JsonNode state = api.state(simGuild.id());
        JsonNode session = state.path("session");
        assertThat(state.path("connected").booleanValue()).as("voice gateway connection open").isTrue();
        assertThat(state.path("channel_id").asText()).isEqualTo(Long.toString(channelId));
        assertThat(session.path("user_id").asText()).isEqualTo(Long.toString(env.sim.population().bot().id()));
        assertThat(session.path("mode").asText()).as("Select Protocol chose a mode the sim offered")
                .isIn(VoiceServerConfig.AES_GCM, VoiceServerConfig.XCHACHA);
        assertThat(session.path("max_dave_protocol_version").intValue()).as("no DAVE session factory set")
                .isZero();
        assertThat(state.path("dave").path("protocol_version").intValue()).isZero();
        assertThat(state.path("violations")).as("no voice protocol rule broken").isEmpty();
        // and JDA considers itself connected (after IP discovery and Session Description)
        await().atMost(Duration.ofSeconds(10)).until(() ->
                guild.getAudioManager().getConnectionStatus() == ConnectionStatus.CONNECTED);
    }
}
