package dev.hubcord.discordjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.control.VoiceControl;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.discordsim.voice.VoiceServerConfig;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * @discordjs/voice (with @snazzah/davey for DAVE) joins the simulated voice server as its documentation says: op 4
 * through the guild's voice adapter, the voice gateway over {@code wss://} (Node trusts the sim's CA through
 * {@code NODE_EXTRA_CA_CERTS}), IP discovery, Session Description, DAVE (required, as on Discord), then plays Opus
 * frames that a simulated listener in the channel decrypts.
 */
class DiscordJsVoiceIT {

    private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(60);
    /** Three seconds of audio at 50 frames a second. */
    private static final int FRAMES = 150;

    private DiscordSim sim;
    private SimPicks picks;

    @BeforeEach
    void startSim() {
        sim = SimPicks.startSim();
        picks = new SimPicks(sim);
    }

    @AfterEach
    void stopSim() {
        sim.close();
    }

    @Test
    void joinsWithDaveAndAListenerDecryptsWhatItPlays() throws IOException {
        assertThat(sim.voice().config().daveProtocolVersion()).as("DAVE required, as Discord does").isEqualTo(1);
        SimGuild guild = picks.guildOfShard(0);
        long voiceChannel = joinableVoiceChannel(guild);
        long textChannel = picks.writableChannel(guild);
        long user = picks.someUser(guild);
        long listener = picks.moderatable(guild).get(1);
        Path ca = Path.of("target", "voice-ca.pem").toAbsolutePath();
        Files.createDirectories(ca.getParent());
        Files.writeString(ca, sim.voice().tls().caPem(), StandardCharsets.US_ASCII);

        try (NodeScenario node = NodeScenario.start(sim, "voice", Map.of("GUILD_ID", Long.toString(guild.id()),
                "VOICE_CHANNEL_ID", Long.toString(voiceChannel), "FRAMES", Integer.toString(FRAMES),
                "NODE_EXTRA_CA_CERTS", ca.toString()))) {
            node.awaitLine("READY"::equals, SCENARIO_TIMEOUT);
            VoiceControl.GuildState joined = sim.control().voice().state(guild.id());
            assertThat(joined.channelId()).hasValue(voiceChannel);
            assertThat(joined.connected()).isTrue();
            assertThat(joined.session().userId()).isEqualTo(picks.botId());
            assertThat(joined.session().mode()).as("Select Protocol").isEqualTo(VoiceServerConfig.AES_GCM);
            assertThat(joined.session().maxDaveVersion()).as("identify offers DAVE").isGreaterThanOrEqualTo(1);
            assertThat(joined.daveProtocolVersion()).isEqualTo(1);
            assertThat(node.event("voiceReady").path("privacyCode").asText()).as("davey's session is up")
                    .isNotBlank();

            // a member joins: op 11 to the bot, the MLS group grows, the listener gets the new epoch
            sim.control().voice().addListener(guild.id(), listener, 0);
            await().atMost(SCENARIO_TIMEOUT).until(() -> {
                VoiceControl.GuildState s = sim.control().voice().state(guild.id());
                return s.daveEpoch() > 0 && s.listeners().size() == 1
                        && s.listeners().getFirst().daveEpoch() == s.daveEpoch();
            });

            sim.control().events().messageCreate(textChannel, user, "!play");
            node.awaitPass(SCENARIO_TIMEOUT);
            JsonNode played = node.event("played");
            assertThat(played.path("played").asInt()).isEqualTo(FRAMES);
        }
        VoiceControl.GuildState after = sim.control().voice().state(guild.id());
        // op 5 speaking 1 before the audio (the sim checks it came before the first RTP packet), 0 once idle
        assertThat(sim.voice().messages(guild.id(), 5)).extracting(m -> m.d().path("speaking").asInt())
                .startsWith(1).endsWith(0);
        assertThat(after.frames()).as("frames received and transport-decrypted").isGreaterThanOrEqualTo(FRAMES);
        assertThat(after.violations()).as("RTP layout, sequence, timestamps, Speaking order").isEmpty();
        VoiceControl.ListenerState heard = after.listeners().getFirst();
        assertThat(heard.decrypted()).as("DAVE-decrypted by the listener").isGreaterThanOrEqualTo(FRAMES);
        assertThat(heard.failures()).isZero();
    }

    /** A voice channel of the guild the bot may connect to, with room under its user limit. */
    private long joinableVoiceChannel(SimGuild guild) {
        SimGuild.Snapshot snap = guild.snapshot();
        SimMember bot = snap.member(picks.botId()).orElseThrow();
        long now = System.currentTimeMillis();
        return snap.channels().stream().filter(SimChannel::isVoice)
                .filter(c -> (Permissions.inChannel(snap, bot, c, now) & Permissions.CONNECT) != 0)
                .filter(c -> c.userLimit() == 0 || guild.voiceCount(c.id()) < c.userLimit() - 1)
                .findFirst().map(SimChannel::id).orElseThrow();
    }
}
