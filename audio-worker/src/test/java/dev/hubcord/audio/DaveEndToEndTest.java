package dev.hubcord.audio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.audio.e2ee.MlsDaveSession;
import dev.hubcord.audio.testing.Harness;
import dev.hubcord.audio.testing.RecordingDave;
import dev.hubcord.audio.testing.Tones;
import dev.hubcord.dave.DaveSession;
import dev.hubcord.discordsim.voice.SimulatedListener;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * DAVE end to end over real sockets: the worker's voice connection against the simulator's DAVE gateway, with
 * listeners the simulator hosts (each its own DAVE session) decrypting what the worker sends.
 */
class DaveEndToEndTest {

    @TempDir
    static Path dir;
    static Harness h;
    static RecordingDave dave = new RecordingDave();
    static String tone;
    static AudioWorker worker;

    @BeforeAll
    static void start() throws Exception {
        h = new Harness();
        worker = h.startWorker("audio-dave", dave);
        tone = h.load(Tones.sine(dir, 440, 60));
    }

    @AfterAll
    static void stop() {
        h.close();
    }

    private static MlsDaveSession playing(String guild, String channel) throws Exception {
        h.request("PLAYER_JOIN", guild, Map.of("channelID", channel));
        h.request("PLAYER_PLAY", guild, Map.of("track", tone));
        long g = Long.parseLong(guild);
        await().atMost(Duration.ofSeconds(10)).until(() -> h.frames(g).size() > 10);
        return dave.sessions.get(Long.parseLong(channel));
    }

    /** Frames the listener decrypted that arrived DAVE-encrypted (ending in the FA FA marker). */
    private static List<SimulatedListener.Decrypted> encrypted(SimulatedListener l) {
        return l.decrypted().stream().filter(d -> d.received().length > 2
                && (d.received()[d.received().length - 1] & 0xff) == 0xfa
                && (d.received()[d.received().length - 2] & 0xff) == 0xfa).toList();
    }

    private static void assertBitExact(SimulatedListener l, int atLeast) {
        List<SimulatedListener.Decrypted> frames = encrypted(l);
        assertThat(frames).hasSizeGreaterThanOrEqualTo(atLeast);
        for (SimulatedListener.Decrypted d : frames) {
            byte[] input = dave.inputFor(d.received());
            assertThat(input).as("a frame the worker encrypted").isNotNull();
            assertThat(d.opus()).isEqualTo(input);
            assertThat(d.opus()).isNotEqualTo(d.received());
        }
    }

    @Test
    void listenersJoinTheGroupAndDecryptTheBotsOpusBitExactly() throws Exception {
        String guild = "700000000000000001";
        long g = Long.parseLong(guild);
        MlsDaveSession bot = playing(guild, "710000000000000001");
        DaveSession botDave = bot.session();
        // alone in the channel: DAVE negotiated, but frames go out unencrypted
        assertThat(h.voice.messages(g, 0).getFirst().d().path("max_dave_protocol_version").asInt()).isEqualTo(1);
        assertThat(botDave.encryptor().protocolVersion()).isZero();

        SimulatedListener a = h.voice.addListener(g, 720000000000000001L);
        SimulatedListener b = h.voice.addListener(g, 720000000000000002L);
        await().atMost(Duration.ofSeconds(10)).until(() -> botDave.encryptor().protocolVersion() == 1
                && a.session().epoch() == botDave.epoch() && b.session().epoch() == botDave.epoch());
        await().atMost(Duration.ofSeconds(10)).until(() -> encrypted(a).size() > 50 && encrypted(b).size() > 50);

        assertThat(a.session().epochAuthenticator()).isEqualTo(botDave.epochAuthenticator()).isNotEmpty();
        assertBitExact(a, 50);
        assertBitExact(b, 50);
        assertThat(h.voice.messages(g, 26)).as("the bot's key package").isNotEmpty();
        assertThat(h.voice.messages(g, 23)).isNotEmpty(); // the bot answered a prepare-transition
        assertThat(h.events(guild, e -> e.name().equals("VOICE_CLOSED"))).as("no 4017 any more").isEmpty();
        assertThat(h.voice.violations()).isEmpty();
    }

    @Test
    void aListenerJoiningMidSongAdvancesTheEpochAndOneWhoLeavesCanNoLongerDecrypt() throws Exception {
        String guild = "700000000000000002";
        long g = Long.parseLong(guild);
        DaveSession botDave = playing(guild, "710000000000000002").session();
        h.voice.listenersCommit(g, false); // here the bot's commits form every epoch (op 28 -> op 29, op 30)
        SimulatedListener first = h.voice.addListener(g, 730000000000000001L);
        await().atMost(Duration.ofSeconds(10)).until(() -> encrypted(first).size() > 20);
        long epoch = botDave.epoch();

        SimulatedListener late = h.voice.addListener(g, 730000000000000002L);
        await().atMost(Duration.ofSeconds(10)).until(() -> botDave.epoch() > epoch && encrypted(late).size() > 20);
        assertThat(late.session().epoch()).isEqualTo(botDave.epoch());
        assertThat(h.voice.messages(g, 28)).as("the bot's commits").isNotEmpty();
        int firstBefore = encrypted(first).size();
        await().atMost(Duration.ofSeconds(5)).until(() -> encrypted(first).size() > firstBefore + 20);
        assertBitExact(late, 20);
        assertBitExact(first, 40);

        long joined = botDave.epoch();
        h.voice.removeListener(g, first.userId());
        await().atMost(Duration.ofSeconds(10)).until(() -> botDave.epoch() > joined);
        int failuresBefore = first.failures().size();
        int decryptedAtRemoval = first.decrypted().size();
        int lateBefore = encrypted(late).size();
        await().atMost(Duration.ofSeconds(10)).until(() -> first.failures().size() > failuresBefore + 25
                && encrypted(late).size() > lateBefore + 25);
        assertThat(first.connected()).isFalse();
        assertThat(first.decrypted().size()).as("only frames in flight at the removal").isLessThan(decryptedAtRemoval + 10);
        assertBitExact(late, 45);
        assertThat(h.voice.violations()).isEmpty();
    }

    @Test
    void aGarbageWelcomeIsAnsweredWithOp31AndTheBotRejoinsWithAFreshKeyPackage() throws Exception {
        String guild = "700000000000000005";
        long g = Long.parseLong(guild);
        DaveSession botDave = playing(guild, "710000000000000005").session();
        h.voice.corruptNextWelcomeToBot(g); // the listener commits first, so the bot joins through a Welcome
        SimulatedListener a = h.voice.addListener(g, 750000000000000001L);
        await().atMost(Duration.ofSeconds(10)).until(() -> !h.voice.messages(g, 31).isEmpty());
        await().atMost(Duration.ofSeconds(10)).until(() -> botDave.encryptor().protocolVersion() == 1
                && botDave.epoch() > 0 && a.session().epoch() == botDave.epoch() && encrypted(a).size() > 30);
        assertThat(h.voice.messages(g, 26)).as("a fresh key package after op 31").hasSizeGreaterThanOrEqualTo(2);
        assertThat(a.session().epochAuthenticator()).isEqualTo(botDave.epochAuthenticator());
        assertBitExact(a, 30);
        assertThat(h.events(guild, e -> e.name().equals("VOICE_CLOSED"))).isEmpty();
        assertThat(h.voice.violations()).isEmpty();
    }

    @Test
    void aDowngradeToVersion0AndAnUpgradeBackKeepTheListenerHearingTheBot() throws Exception {
        String guild = "700000000000000003";
        long g = Long.parseLong(guild);
        DaveSession botDave = playing(guild, "710000000000000003").session();
        SimulatedListener l = h.voice.addListener(g, 740000000000000001L);
        await().atMost(Duration.ofSeconds(10)).until(() -> encrypted(l).size() > 20);

        h.voice.setDaveProtocolVersion(g, 0);
        await().atMost(Duration.ofSeconds(10)).until(() -> botDave.encryptor().protocolVersion() == 0);
        int plainFrom = l.decrypted().size() + 5; // past frames in flight during the switch
        await().atMost(Duration.ofSeconds(10)).until(() -> l.decrypted().size() > plainFrom + 20);
        for (SimulatedListener.Decrypted d : l.decrypted().subList(plainFrom, plainFrom + 20)) {
            assertThat(d.opus()).isEqualTo(d.received()).isEqualTo(dave.inputFor(d.received()));
        }

        int encryptedBefore = encrypted(l).size();
        h.voice.setDaveProtocolVersion(g, 1);
        await().atMost(Duration.ofSeconds(10)).until(() -> botDave.encryptor().protocolVersion() == 1
                && encrypted(l).size() > encryptedBefore + 20);
        assertThat(l.session().epochAuthenticator()).isEqualTo(botDave.epochAuthenticator());
        assertBitExact(l, 40);
        assertThat(h.voice.violations()).isEmpty();
    }

    @Test
    void aVoiceResumeWhileTheGroupFormsReplaysTheBinaryDaveMessagesAndTheGroupForms() throws Exception {
        String guild = "700000000000000004";
        long g = Long.parseLong(guild);
        DaveSession botDave = playing(guild, "710000000000000004").session();
        h.voice.pauseResumes(true);
        h.voice.drop(g);
        await().atMost(Duration.ofSeconds(5)).until(() -> !h.voice.messages(g, 7).isEmpty());
        // the bot is waiting for RESUMED: op 11 and the listener's DAVE messages to it (binary proposals, or the
        // listener's commit and Welcome, and op 21) pile up in the session and only the replay can bring them
        SimulatedListener l = h.voice.addListener(g, 750000000000000001L);
        assertThat(h.voice.connected(g)).isFalse();
        h.voice.pauseResumes(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> botDave.encryptor().protocolVersion() == 1
                && encrypted(l).size() > 20);
        assertThat(botDave.epoch()).isEqualTo(l.session().epoch()).isPositive();
        assertBitExact(l, 20);
        assertThat(h.voice.replayedOps(g)).as("replayed on resume").contains(11).containsAnyOf(27, 29, 30); // binary
        assertThat(h.events(guild, e -> e.name().equals("VOICE_CLOSED")).getFirst().data().path("action").asText())
                .isEqualTo("resume");
        assertThat(h.voice.violations()).isEmpty();
    }

    /**
     * The worker's Opus, voice and DAVE meters as Prometheus scrapes them: a voice connection appears as connected,
     * each encoded frame is timed, and a listener joining moves the DAVE epoch counter.
     */
    @Test
    void theOpusVoiceAndDaveMetersAppearAndMove() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        worker.bindMetrics(registry);
        String before = registry.scrape();
        assertThat(before).contains("audio_voice_connections{state=\"connecting\"}",
                "audio_voice_connections{state=\"disconnected\"}", "audio_dave_epochs_total",
                "audio_opus_encode_seconds_bucket{le=\"+Inf\"}");
        double connected = sample(before, "audio_voice_connections{state=\"connected\"}");
        double epochs = sample(before, "audio_dave_epochs_total");

        String guild = "700000000000000006";
        long g = Long.parseLong(guild);
        DaveSession botDave = playing(guild, "710000000000000006").session();
        h.voice.addListener(g, 760000000000000001L);
        await().atMost(Duration.ofSeconds(10)).until(() -> botDave.epoch() > 0);
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            String now = registry.scrape();
            assertThat(sample(now, "audio_voice_connections{state=\"connected\"}")).isGreaterThan(connected);
            assertThat(sample(now, "audio_dave_epochs_total")).isGreaterThan(epochs);
            assertThat(sample(now, "audio_opus_encode_seconds_count")).as("one encode per frame").isGreaterThan(10);
            assertThat(sample(now, "audio_opus_encode_seconds_sum")).isPositive();
        });
    }

    private static double sample(String scrape, String series) {
        for (String line : scrape.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + series + " in the scrape");
    }
}
