package dev.hubcord.sharder.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.population.Permissions;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.sharder.support.Hub;
import dev.hubcord.sharder.support.SharderProcess;
import dev.hubcord.sharder.support.Sims;
import dev.hubcord.sharder.support.TestSharders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One sharder process between the simulated Discord and a real hub, with a commands client and an
 * audio client of the hub: the simulated guilds reach the hub's REST answers, commands and slash
 * commands reach the commands client, a voice join requested through the hub reaches Discord on the
 * right shard and its answer reaches the audio client, and after the hub restarts (while the
 * sharder runs, with its buffer overflowing) the cache is whole again without new Discord sessions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EndToEndIT {

    private static final int SHARDS = 2;

    private DiscordSim sim;
    private Hub hub;
    private SharderProcess sharder;
    private HubClient commands;
    private HubClient audio;
    private final BlockingQueue<IncomingEvent> commandEvents = new LinkedBlockingQueue<>();
    private final BlockingQueue<IncomingEvent> audioEvents = new LinkedBlockingQueue<>();

    @BeforeAll
    void startAll() throws Exception {
        sim = Sims.start(SHARDS, 1, 50, 6, b -> b);
        hub = Hub.start(Map.of("HUB_IDENTIFY_INTERVAL_MS", "60", "HUB_RESUME_TIMEOUT_MS", "5000"));
        sharder = SharderProcess.start("sharder-e2e", TestSharders.settings(sim, hub, Map.of(
                "SHARDER_HTTP_PORT", "0", "SHARDER_HUB_BUFFER", "100", "DISCORD_COMPRESS", "zstd-stream")));
        commands = client(ServiceType.COMMANDS, commandEvents);
        audio = client(ServiceType.AUDIO, audioEvents);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(this::allGuildsCached);
    }

    private HubClient client(ServiceType type, BlockingQueue<IncomingEvent> into) throws Exception {
        HubClient client = HubClient.create(HubClientOptions.builder(hub.wsUri(), type, Hub.SECRET)
                .reconnectDelay(Duration.ofMillis(200), Duration.ofMillis(500)).build());
        client.addEventListener(into::add);
        client.connect().get(10, TimeUnit.SECONDS);
        return client;
    }

    @AfterAll
    void stopAll() {
        for (AutoCloseable c : new AutoCloseable[] {commands, audio, sharder, hub, sim}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // keep closing the rest
            }
        }
    }

    private boolean allGuildsCached() {
        return sim.population().guilds().stream().allMatch(g -> hub.get("/v1/discord/guilds/" + g.id()).status() == 200);
    }

    private String path(SimGuild g, String rest) {
        return "/v1/discord/guilds/" + g.id() + rest;
    }

    @Test
    @Order(1)
    void healthReadyAndMetricsOnTheProcessesOwnPort() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        String base = "http://127.0.0.1:" + sharder.httpPort();
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body()).contains("\"hub\":\"CONNECTED\"");
        // ready: hub session up and both shards READY
        await().atMost(Duration.ofSeconds(30)).until(() -> http.send(HttpRequest.newBuilder(URI.create(base + "/ready"))
                .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body())
                .contains("sharder_shards_by_state{state=\"ready\"} 2.0", "sharder_gateway_latency_max_seconds",
                        "sharder_dispatches_total", "jvm_memory_used_bytes", "process_cpu_usage");
    }

    @Test
    @Order(1)
    void simulatedGuildsAnswerOnTheHubsRestApi() {
        for (SimGuild guild : sim.population().guilds()) {
            SimGuild.Snapshot snap = guild.snapshot();
            JsonNode g = hub.get(path(guild, "")).body();
            assertThat(g.path("name").asText()).isEqualTo(snap.name());
            assertThat(g.path("memberCount").asInt()).isEqualTo(snap.members().size());
            assertThat(g.path("roleCount").asInt()).isEqualTo(snap.roles().size());
            assertThat(g.path("channelCount").asInt()).isEqualTo(snap.channels().size());

            assertThat(hub.get(path(guild, "/voicestates")).body()).hasSize(snap.voiceStates().size());
            for (var v : snap.voiceStates()) {
                JsonNode state = hub.get(path(guild, "/voicestates/" + v.userId())).body();
                assertThat(state.path("channelID").asText()).isEqualTo(Long.toString(v.channelId()));
                assertThat(hub.get(path(guild, "/channels/" + v.channelId() + "/members")).body().toString())
                        .contains(Long.toString(v.userId()));
            }
            // Members the GUILD_CREATE carried (the bot and members in voice, without GUILD_PRESENCES).
            SimMember member = snap.members().stream().filter(m -> snap.voiceStates().stream()
                    .anyMatch(v -> v.userId() == m.userId())).findFirst().orElseThrow();
            JsonNode m = hub.get(path(guild, "/members/" + member.userId())).body();
            assertThat(m.path("user").path("username").asText())
                    .isEqualTo(sim.population().requireUser(member.userId()).username());
            for (SimChannel channel : snap.channels()) {
                long expected = Permissions.inChannel(snap, member, channel, System.currentTimeMillis());
                assertThat(hub.get(path(guild, "/members/" + member.userId() + "/permissions?channel=" + channel.id()))
                        .body().path("permissions").asText()).as("permissions in " + channel.name())
                        .isEqualTo(Long.toString(expected));
            }
        }
    }

    @Test
    @Order(2)
    void memberEventsKeepTheCacheCurrent() {
        SimGuild guild = sim.population().guilds().get(1);
        long newcomer = sim.population().guilds().get(2).ownerId();
        if (guild.member(newcomer).isEmpty()) {
            sim.control().events().memberAdd(guild.id(), newcomer);
        }
        sim.control().events().memberUpdate(guild.id(), newcomer, "fresh-nick", null);
        await().atMost(Duration.ofSeconds(5)).until(() -> "fresh-nick".equals(
                hub.get(path(guild, "/members/" + newcomer)).body().path("nickname").asText()));
        sim.control().events().memberRemove(guild.id(), newcomer);
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.get(path(guild, "/members/" + newcomer)).status() == 404);
    }

    private SimChannel textChannel(SimGuild guild) {
        return guild.snapshot().channels().stream().filter(c -> c.type() == SimChannel.TEXT).findFirst().orElseThrow();
    }

    private IncomingEvent nextCommand() throws InterruptedException {
        IncomingEvent event;
        do {
            event = commandEvents.poll(10, TimeUnit.SECONDS);
            assertThat(event).as("an EXECUTE_COMMAND within 10 s").isNotNull();
        } while (!event.name().equals("EXECUTE_COMMAND"));
        return event;
    }

    @Test
    @Order(3)
    void aPrefixedMessageReachesTheCommandsClientInTheSeedsShape() throws Exception {
        SimGuild guild = sim.population().guilds().get(3);
        SimChannel channel = textChannel(guild);
        long author = guild.snapshot().members().stream().filter(m -> m.userId() != sim.population().bot().id())
                .findFirst().orElseThrow().userId();
        ObjectNode message = sim.control().events().messageCreate(channel.id(), author, "!ban someone#0001 spamming -t 5h");
        JsonNode d = nextCommand().data();
        assertThat(d.path("command").asText()).isEqualTo("ban");
        assertThat(d.path("raw").asText()).isEqualTo("someone#0001 spamming -t 5h");
        JsonNode ids = d.path("ids");
        assertThat(ids.path("message").asText()).isEqualTo(message.path("id").asText());
        assertThat(ids.path("author").asText()).isEqualTo(Long.toString(author));
        assertThat(ids.path("channel").asText()).isEqualTo(Long.toString(channel.id()));
        assertThat(ids.path("guild").asText()).isEqualTo(Long.toString(guild.id()));
        assertThat(ids.path("shard").asInt()).isEqualTo((int) ((guild.id() >>> 22) % SHARDS));

        sim.control().events().messageCreate(channel.id(), author, "just chatting");
        assertThat(commandEvents.poll(500, TimeUnit.MILLISECONDS)).as("not a command").isNull();
    }

    @Test
    @Order(4)
    void aSlashCommandReachesTheCommandsClientWithItsInteraction() throws Exception {
        SimGuild guild = sim.population().guilds().get(4);
        SimChannel channel = textChannel(guild);
        long user = guild.snapshot().members().get(1).userId();
        // a user option must name someone the simulated Discord knows: it resolves it into data.resolved
        long target = guild.snapshot().members().get(2).userId();
        JsonNode options = Json.mapper().readTree("""
                [{"name":"user","type":6,"value":"%d"},{"name":"reason","type":3,"value":"spamming"},
                 {"name":"time","type":3,"value":"5h"}]""".formatted(target));
        SimEvents.CreatedInteraction interaction = sim.control().events().interactionCreate(channel.id(), user, "ban", options);
        JsonNode d = nextCommand().data();
        assertThat(d.path("command").asText()).isEqualTo("ban");
        assertThat(d.path("raw")).as("the whole interaction").isEqualTo(interaction.payload());
        assertThat(d.path("interaction").path("type").asInt()).isEqualTo(2);
        assertThat(d.path("options")).isEqualTo(options);
        assertThat(d.path("interaction").path("id").asText()).isEqualTo(Long.toString(interaction.id()));
        assertThat(d.path("interaction").path("token").asText()).isEqualTo(interaction.token());
        assertThat(d.path("interaction").path("applicationID").asText()).isEqualTo(Long.toString(sim.applicationId()));
        assertThat(d.path("ids").path("author").asText()).isEqualTo(Long.toString(user));
        assertThat(d.path("ids").path("guild").asText()).isEqualTo(Long.toString(guild.id()));
    }

    @Test
    @Order(5)
    void aVoiceJoinThroughTheHubReachesDiscordAndItsAnswerTheAudioClient() throws Exception {
        SimGuild guild = sim.population().guilds().get(5);
        SimGuild.Snapshot snap = guild.snapshot();
        SimMember bot = snap.member(sim.population().bot().id()).orElseThrow();
        SimChannel voice = snap.channels().stream().filter(SimChannel::isVoice)
                .filter(c -> (Permissions.inChannel(snap, bot, c, System.currentTimeMillis()) & Permissions.CONNECT) != 0)
                .filter(c -> c.userLimit() == 0 || guild.voiceCount(c.id()) < c.userLimit())
                .findFirst().orElseThrow();
        int shard = (int) ((guild.id() >>> 22) % SHARDS);
        ObjectNode join = Json.mapper().createObjectNode();
        join.put("guildID", Long.toString(guild.id()));
        join.put("op", 4);
        join.putObject("d").put("guild_id", Long.toString(guild.id())).put("channel_id", Long.toString(voice.id()))
                .put("self_mute", false).put("self_deaf", false);
        commands.send("GATEWAY_SEND", join);

        await().atMost(Duration.ofSeconds(5)).until(() -> sim.control().gateway().receivedByShard(shard).stream()
                .anyMatch(r -> r.op() == 4 && r.json().contains(Long.toString(voice.id()))));
        List<String> seen = new java.util.ArrayList<>();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!(seen.contains("VOICE_STATE_UPDATE") && seen.contains("VOICE_SERVER_UPDATE")) && System.nanoTime() < deadline) {
            IncomingEvent e = audioEvents.poll(1, TimeUnit.SECONDS);
            if (e != null && e.data().path("guild_id").asText().equals(Long.toString(guild.id()))) {
                seen.add(e.name());
                if (e.name().equals("VOICE_STATE_UPDATE")) {
                    assertThat(e.data().path("user_id").asText()).isEqualTo(Long.toString(bot.userId()));
                    assertThat(e.data().path("session_id").asText()).isNotEmpty();
                } else if (e.name().equals("VOICE_SERVER_UPDATE")) {
                    assertThat(e.data().path("token").asText()).isNotEmpty();
                }
            }
        }
        assertThat(seen).contains("VOICE_STATE_UPDATE", "VOICE_SERVER_UPDATE");
        // The bot's own voice state is in the cache too.
        await().atMost(Duration.ofSeconds(5)).until(() -> Long.toString(voice.id()).equals(
                hub.get(path(guild, "/voicestates/" + bot.userId())).body().path("channelID").asText()));
    }

    @Test
    @Order(6)
    void afterAHubRestartWithAnOverflowingBufferTheCacheIsWholeAgain() throws Exception {
        long identifiesBefore = sim.control().gateway().identifies().size();
        hub.stop();
        // While the hub is away: more changes than the sharder's buffer of 100 holds.
        SimGuild guild = sim.population().guilds().getFirst();
        List<SimMember> members = guild.members().stream().filter(m -> m.userId() != sim.population().bot().id())
                .limit(15).toList();
        for (int round = 0; round < 10; round++) {
            for (SimMember m : members) {
                sim.control().events().memberUpdate(guild.id(), m.userId(), "nick-" + round, null);
            }
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> metric("sharder_cache_overflow_total") > 0);
        hub.startAgain();

        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(this::allGuildsCached);
        for (SimMember m : members) {
            await().atMost(Duration.ofSeconds(10)).until(() -> "nick-9".equals(
                    hub.get(path(guild, "/members/" + m.userId())).body().path("nickname").asText()));
        }
        for (SimGuild g : sim.population().guilds()) {
            SimGuild.Snapshot snap = g.snapshot();
            JsonNode answer = hub.get(path(g, "")).body();
            assertThat(answer.path("roleCount").asInt()).isEqualTo(snap.roles().size());
            assertThat(answer.path("channelCount").asInt()).isEqualTo(snap.channels().size());
            assertThat(answer.path("memberCount").asInt()).isEqualTo(snap.members().size());
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> hub.get("/v1/shards").body() != null
                && hub.get("/v1/shards").body().findValuesAsText("status").stream().allMatch("ready"::equals));
        assertThat(sim.control().gateway().identifies()).as("Discord sessions stayed up").hasSize((int) identifiesBefore);
        assertThat(metric("sharder_guilds_resent_total")).isGreaterThanOrEqualTo(sim.population().guilds().size());
        assertThat(sharder.output()).contains("event=hub_buffer_full").contains("event=guilds_resent");
    }

    private double metric(String name) {
        try {
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + sharder.httpPort() + "/metrics")).build(),
                    HttpResponse.BodyHandlers.ofString());
            for (String line : r.body().split("\n")) {
                if (line.startsWith(name + " ")) {
                    return Double.parseDouble(line.substring(name.length() + 1).trim());
                }
            }
        } catch (Exception e) {
            return -1;
        }
        return -1;
    }
}
