package dev.hubcord.jdatests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.discordsim.control.VoiceControl;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import java.time.Duration;
import net.dv8tion.jda.api.audio.hooks.ConnectionStatus;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.entities.channel.concrete.VoiceChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7: JDA joins a voice channel (op 4) and its voice gateway handshake reaches Session Description. JDA 6.1.2
 * has no DAVE (its voice identify carries no {@code max_dave_protocol_version}), so the sim's voice server runs
 * without DAVE here; real Discord would close such a connection with 4017.
 */
@Disabled("sim gap: JDA opens wss:// while the sim's voice gateway speaks only ws:// (the endpoint is a host name now)")
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
        long channelId = simGuild.snapshot().channels().stream().filter(SimChannel::isVoice)
                .filter(c -> c.userLimit() == 0 || simGuild.voiceCount(c.id()) < c.userLimit())
                .findFirst().map(SimChannel::id).orElseThrow();
        Guild guild = env.jda.getGuildById(simGuild.id());
        VoiceChannel channel = guild.getVoiceChannelById(channelId);
        guild.getAudioManager().openAudioConnection(channel);

        await().atMost(Duration.ofSeconds(20)).until(() ->
                guild.getAudioManager().getConnectionStatus() == ConnectionStatus.CONNECTED);
        VoiceControl.GuildState state = env.sim.control().voice().state(simGuild.id());
        assertThat(state.session()).as("voice session on the sim").isNotNull();
        assertThat(state.session().mode()).as("Select Protocol chose a mode").isNotNull();
        assertThat(state.channelId()).hasValue(channelId);
    }
}
