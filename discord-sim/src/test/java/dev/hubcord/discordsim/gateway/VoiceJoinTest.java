package dev.hubcord.discordsim.gateway;

import static dev.hubcord.discordsim.support.Payloads.INTENTS;
import static dev.hubcord.discordsim.support.Payloads.identify;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.support.Sims;
import dev.hubcord.discordsim.support.TestGatewayClient;
import dev.hubcord.discordsim.support.VoiceClient;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** Op 4 sends the bot to the simulator's own voice server, which then knows the bot's channel. */
class VoiceJoinTest {

    private static TestGatewayClient ready(DiscordSim sim) {
        TestGatewayClient c = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE);
        c.nextOp(10);
        c.send(identify(sim.token(), INTENTS, 0, 1));
        c.nextDispatch("READY");
        return c;
    }

    private static void join(TestGatewayClient c, long guildId, long channelId) {
        c.send("{\"op\":4,\"d\":{\"guild_id\":\"" + Long.toUnsignedString(guildId) + "\",\"channel_id\":\""
                + Long.toUnsignedString(channelId) + "\",\"self_mute\":false,\"self_deaf\":true}}");
    }

    @Test
    void op4SendsTheBotToTheEmbeddedVoiceServerWhereItIdentifiesAndGetsReady() throws Exception {
        try (DiscordSim sim = Sims.start(b -> b.voiceNullEndpointFirst(true)
                .voiceReplyOrder(GatewayConfig.VoiceReplyOrder.SERVER_FIRST));
                TestGatewayClient gw = ready(sim)) {
            VoiceClient.Target target = VoiceClient.joinable(sim).getFirst();
            long guild = target.guild().id();
            assertThat(sim.voice().assignedChannel(guild)).isEmpty();
            join(gw, guild, target.channel().id());

            JsonNode pending = gw.nextDispatch("VOICE_SERVER_UPDATE").path("d");
            assertThat(pending.get("endpoint").isNull()).as("endpoint:null first, as configured").isTrue();
            JsonNode server = gw.nextDispatch("VOICE_SERVER_UPDATE").path("d");
            assertThat(server.path("endpoint").asText()).isEqualTo(sim.voice().endpoint())
                    .isNotEqualTo("127.0.0.1:" + sim.port());
            JsonNode state = gw.nextDispatch("VOICE_STATE_UPDATE").path("d");
            assertThat(sim.voice().assignedChannel(guild)).isEqualTo(OptionalLong.of(target.channel().id()));

            long bot = sim.population().bot().id();
            try (VoiceClient voice = VoiceClient.connect(server.path("endpoint").asText(), sim.voice().udpPort())) {
                JsonNode ready = voice.identify(guild, bot, state.path("session_id").asText(),
                        server.path("token").asText()).path("d");
                assertThat(ready.path("port").asInt()).isEqualTo(sim.voice().udpPort());
                assertThat(ready.path("ssrc").asInt()).isPositive();
                assertThat(ready.path("modes").toString()).contains("aead_aes256_gcm_rtpsize");
                assertThat(sim.voice().session(guild).userId()).isEqualTo(bot);
                assertThat(sim.voice().session(guild).token()).isEqualTo(server.path("token").asText());
                assertThat(voice.selectAesGcm().path("d").path("dave_protocol_version").asInt()).isEqualTo(1);
            }
        }
    }

    @Test
    void anExplicitVoiceEndpointWinsAndTheChannelIsStillAssigned() {
        try (DiscordSim sim = Sims.start(b -> b.voiceEndpoint("127.0.0.1:9")
                .voiceReplyOrder(GatewayConfig.VoiceReplyOrder.STATE_FIRST));
                TestGatewayClient gw = ready(sim)) {
            VoiceClient.Target target = VoiceClient.joinable(sim).getLast();
            join(gw, target.guild().id(), target.channel().id());
            assertThat(gw.nextDispatch("VOICE_SERVER_UPDATE").path("d").path("endpoint").asText())
                    .isEqualTo("127.0.0.1:9");
            assertThat(sim.voice().assignedChannel(target.guild().id()))
                    .isEqualTo(OptionalLong.of(target.channel().id()));
        }
    }
}
