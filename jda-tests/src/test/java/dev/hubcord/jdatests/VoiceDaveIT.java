package dev.hubcord.jdatests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import club.minnced.discord.jdave.interop.JDaveSessionFactory;
import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.population.SimGuild;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import net.dv8tion.jda.api.audio.AudioModuleConfig;
import net.dv8tion.jda.api.audio.AudioSendHandler;
import net.dv8tion.jda.api.entities.Guild;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 7 with DAVE, as JDA documents it: {@code setAudioModuleConfig(new AudioModuleConfig()
 * .withDaveSessionFactory(new JDaveSessionFactory()))}, jdave binding libdave (Discord's own DAVE library). The sim
 * requires DAVE, as Discord does. libdave needs glibc 2.38, so failsafe starts this class through the {@code dave}
 * module's runtime script ({@code target/libdave-runtime/bin/java}).
 */
class VoiceDaveIT {

    /** Two seconds of Opus frames at 50 a second, given ready-made (no encoder: JDA's opus natives are excluded). */
    private static final int FRAMES = 100;

    private static JdaSim env;

    @BeforeAll
    static void start() {
        // STATE_FIRST: see VoiceTest
        env = JdaSim.start(c -> c.withGateway(GatewayConfig.builder().identifyWindowMs(50)
                        .voiceReplyOrder(GatewayConfig.VoiceReplyOrder.STATE_FIRST).build()),
                b -> b.setAudioModuleConfig(new AudioModuleConfig().withDaveSessionFactory(new JDaveSessionFactory())))
                .awaitConnected();
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void joinsWithDaveAndAListenerDecryptsWhatItSends() {
        assertThat(env.sim.voice().config().daveProtocolVersion()).as("DAVE required").isEqualTo(1);
        SimGuild simGuild = env.guild();
        long channelId = env.joinableVoiceChannel(simGuild);
        long listener = env.plainMembers(simGuild).getFirst();
        Guild guild = env.jda.getGuildById(simGuild.id());
        guild.getAudioManager().openAudioConnection(guild.getVoiceChannelById(channelId));

        SimVoiceApi api = new SimVoiceApi(env.sim);
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.state(simGuild.id()).path("session").path("mode").isTextual());
        JsonNode joined = api.state(simGuild.id());
        assertThat(joined.path("connected").booleanValue()).isTrue();
        assertThat(joined.path("channel_id").asText()).isEqualTo(Long.toString(channelId));
        assertThat(joined.path("session").path("max_dave_protocol_version").intValue()).as("identify offers DAVE")
                .isGreaterThanOrEqualTo(1);
        assertThat(joined.path("dave").path("protocol_version").intValue()).isEqualTo(1);

        // a member joins: op 11, proposals, libdave's commit or the listener's Welcome; both end in one epoch
        api.addListener(simGuild.id(), listener);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            JsonNode s = api.state(simGuild.id());
            long epoch = s.path("dave").path("epoch").asLong();
            return epoch > 0 && s.path("listeners").path(0).path("dave_epoch").asLong() == epoch;
        });

        AtomicInteger left = new AtomicInteger(FRAMES);
        guild.getAudioManager().setSendingHandler(new OpusFrames(left));
        await().atMost(Duration.ofSeconds(20)).until(() ->
                api.state(simGuild.id()).path("listeners").path(0).path("decrypted").asLong() >= FRAMES);
        JsonNode after = api.state(simGuild.id());
        assertThat(after.path("frames").asLong()).isGreaterThanOrEqualTo(FRAMES);
        assertThat(after.path("listeners").path(0).path("failures").asLong()).as("DAVE decryption failures")
                .isZero();
        assertThat(after.path("violations")).as("RTP layout, sequence, timestamps, Speaking order").isEmpty();
        guild.getAudioManager().closeAudioConnection();
    }

    /** Hands JDA ready-made Opus frames (CELT fullband 20 ms TOC and a changing body) until {@code left} runs out. */
    private record OpusFrames(AtomicInteger left) implements AudioSendHandler {

        @Override
        public boolean canProvide() {
            return left.get() > 0;
        }

        @Override
        public ByteBuffer provide20MsAudio() {
            int i = left.getAndDecrement();
            ByteBuffer frame = ByteBuffer.allocate(60);
            frame.put((byte) 0xfc).putInt(i);
            while (frame.hasRemaining()) {
                frame.put((byte) i);
            }
            return frame.flip();
        }

        @Override
        public boolean isOpus() {
            return true;
        }
    }
}
