package dev.hubcord.lavalinktests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.control.VoiceControl;
import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.hub.HubServer;
import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.hub.session.Session;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * shoukaku and lavalink-client, each with a discord.js bot on the simulated Discord, use the hub as their Lavalink
 * node: the bot joins a voice channel itself (op 4 on its own gateway) and hands the voice session to the hub in
 * {@code voice}; the hub plays on an audio worker (a real process), which streams to the sim's voice server. The
 * scripts check each step from the client's side; this checks what the voice server received.
 */
class LavalinkClientsIT {

    private static final String SECRET = "lavalink-tests-secret";
    private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(120);

    @TempDir
    Path dir;

    private DiscordSim sim;
    private HubServer hub;
    private final java.util.List<AudioWorkerProcess> workers = new java.util.ArrayList<>();

    @BeforeEach
    void start() throws Exception {
        sim = DiscordSim.start(SimConfig.defaults().withGateway(GatewayConfig.builder().recommendedShards(2)
                .maxConcurrency(2).identifyWindowMs(100).reconnectCloseDelayMs(100).build())
                .withPopulation(PopulationConfig.defaults().withMembers(20, 3, 100)));
        hub = HubServer.start(HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", SECRET, "HUB_HOST",
                "127.0.0.1", "HUB_PORT", "0", "HUB_IO_THREADS", "1")));
    }

    @AfterEach
    void stop() {
        workers.forEach(AudioWorkerProcess::close);
        if (hub != null) {
            hub.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private AudioWorkerProcess worker(String name) {
        AudioWorkerProcess w = AudioWorkerProcess.start(name, hub.port(), SECRET);
        workers.add(w);
        return w;
    }

    private void awaitWorkers(int n) {
        await("audio workers identified").atMost(Duration.ofSeconds(60)).until(() -> hub.core().sessions()
                .ofType(dev.hubcord.protocol.ServiceType.AUDIO).stream().filter(Session::isConnected).count() == n);
    }

    private SimGuild guild() {
        return sim.population().guildsForShard(0, 2).getFirst();
    }

    /** A voice channel of the guild the bot may connect to, with room under its user limit. */
    private long voiceChannel(SimGuild guild) {
        SimGuild.Snapshot snap = guild.snapshot();
        SimMember bot = snap.member(sim.population().bot().id()).orElseThrow();
        long now = System.currentTimeMillis();
        return snap.channels().stream().filter(SimChannel::isVoice)
                .filter(c -> (Permissions.inChannel(snap, bot, c, now) & Permissions.CONNECT) != 0)
                .filter(c -> c.userLimit() == 0 || guild.voiceCount(c.id()) < c.userLimit() - 1)
                .findFirst().map(SimChannel::id).orElseThrow();
    }

    private Map<String, String> env(SimGuild guild) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("SIM_API", sim.apiBaseUrl().replaceAll("/v\\d+/?$", ""));
        env.put("SIM_TOKEN", sim.token());
        env.put("SIM_CONTROL", sim.controlUrl());
        env.put("HUB_PORT", Integer.toString(hub.port()));
        env.put("HUB_SECRET", SECRET);
        env.put("GUILD_ID", Long.toString(guild.id()));
        env.put("VOICE_CHANNEL_ID", Long.toString(voiceChannel(guild)));
        env.put("TRACK_A", Wav.sine(dir.resolve("tone-a.wav"), 440, 90).toString());
        env.put("TRACK_B", Wav.sine(dir.resolve("tone-b.wav"), 660, 40).toString());
        return env;
    }

    private void run(String script) throws Exception {
        worker("audio-1");
        awaitWorkers(1);
        SimGuild guild = guild();
        try (NodeScenario node = NodeScenario.start(script, "scenario", env(guild))) {
            node.awaitPass(SCENARIO_TIMEOUT);
            assertThat(node.event("seeked").asLong()).isGreaterThanOrEqualTo(20_000);
            assertThat(node.event("paused").asInt()).isLessThan(20);
        }
        VoiceControl.GuildState after = sim.control().voice().state(guild.id());
        // more than the scenario waited for: 100 before the seek, 50 after the pause
        assertThat(after.frames()).as("frames at the voice server").isGreaterThanOrEqualTo(150);
        assertThat(after.violations()).as("RTP layout, sequence, timestamps, Speaking order").isEmpty();
        assertThat(after.connected()).as("the player destroyed, its voice connection closed").isFalse();
    }

    @Test
    void shoukakuPlaysSeeksFiltersPausesSkipsAndDestroys() throws Exception {
        run("shoukaku.mjs");
    }

    @Test
    void lavalinkClientPlaysSeeksFiltersPausesSkipsAndDestroys() throws Exception {
        run("lavalink-client.mjs");
    }

    @Test
    void killingThePlayingAudioWorkerChangesNothingForShoukaku() throws Exception {
        AudioWorkerProcess one = worker("audio-1");
        AudioWorkerProcess two = worker("audio-2");
        awaitWorkers(2);
        SimGuild guild = guild();
        try (NodeScenario node = NodeScenario.start("shoukaku.mjs", "failover", env(guild))) {
            node.awaitLine("READY"::equals, SCENARIO_TIMEOUT);
            Session owner = hub.core().audioOwners().owner(guild.id());
            assertThat(owner).isNotNull();
            (owner.name().equals("audio-1") ? one : two).kill();
            node.awaitPass(SCENARIO_TIMEOUT);
            JsonNode after = node.event("afterKill");
            System.out.println("after kill -9: " + after + " (before: " + node.event("beforeKill") + ")");
            assertThat(after.path("gapMs").asLong()).as("playing again within 10 s").isLessThan(10_000);
            assertThat(after.path("closed")).as("no WebSocketClosedEvent").isEmpty();
            assertThat(after.path("position").asLong()).isGreaterThanOrEqualTo(
                    node.event("beforeKill").path("position").asLong());
        }
        assertThat(sim.control().voice().state(guild.id()).violations()).isEmpty();
    }
}
