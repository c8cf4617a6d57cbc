package dev.hubcord.sharder.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.IncomingEvent;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.sharder.support.Hub;
import dev.hubcord.sharder.support.HubProcess;
import dev.hubcord.sharder.support.SharderProcess;
import dev.hubcord.sharder.support.Sims;
import dev.hubcord.sharder.support.TestSharders;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * {@code kill -9} of the hub process while the sharder's Discord sessions go on: commands typed before,
 * during the outage and after the restart each reach a commands client exactly once. Twice: once the
 * hub is simply killed (the sharder notices at once and holds what comes meanwhile), once it first
 * hangs (SIGSTOP) and is killed after commands were typed — those the sharder had already written to
 * the hung hub's socket, where they were lost before publisher acknowledgements. The restarted hub
 * knows no session, so the sharder identifies afresh and sends everything the dead hub had not
 * confirmed.
 */
class HubKillIT {

    private static final int BATCH = 10;

    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final List<String> sent = new ArrayList<>();

    private void record(IncomingEvent event) {
        if (event.name().equals("EXECUTE_COMMAND")) {
            received.computeIfAbsent(event.data().path("ids").path("message").asText(), k -> new AtomicInteger())
                    .incrementAndGet();
        }
    }

    @Test
    void noCommandIsLostOrDoubledAcrossAHubKilledWithSigkill() throws Exception {
        try (DiscordSim sim = Sims.start(2, 1, 50, 4, b -> b);
                HubProcess hub = HubProcess.start(Map.of("HUB_IDENTIFY_INTERVAL_MS", "60", "HUB_RESUME_TIMEOUT_MS", "5000"));
                SharderProcess sharder = SharderProcess.start("sharder-kill", TestSharders.settings(sim, hub.wsUri(),
                        Map.of("SHARDER_HTTP_PORT", "0", "DISCORD_COMPRESS", "zstd-stream")));
                HubClient commands = HubClient.create(HubClientOptions.builder(hub.wsUri(), ServiceType.COMMANDS,
                        Hub.SECRET).reconnectDelay(Duration.ofMillis(200), Duration.ofMillis(500)).build())) {
            commands.addEventListener(this::record);
            commands.connect().get(30, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250))
                    .until(() -> allShardsReady(hub.get("/v1/shards").body()));
            SimGuild guild = sim.population().guilds().getFirst();
            SimChannel channel = guild.snapshot().channels().stream().filter(c -> c.type() == SimChannel.TEXT)
                    .findFirst().orElseThrow();
            long author = guild.snapshot().members().stream().filter(m -> m.userId() != sim.population().bot().id())
                    .findFirst().orElseThrow().userId();
            type(sim, channel, author, BATCH);
            awaitSettled(sharder);
            long identifiesBefore = sim.control().gateway().identifies().size();

            hub.kill();
            type(sim, channel, author, BATCH);
            await().atMost(Duration.ofSeconds(20)).until(() -> metric(sharder, "sharder_commands_total") == sent.size());
            assertThat(received).as("nothing can arrive while the hub is dead").hasSize(sent.size() - BATCH);
            hub.startAgain();
            type(sim, channel, author, BATCH);
            awaitSettled(sharder);

            hub.freeze();
            type(sim, channel, author, BATCH);
            // Handed to HubClient and written to the hung hub's socket: the sharder still thinks it is connected.
            await().atMost(Duration.ofSeconds(20)).until(() -> metric(sharder, "sharder_hub_unconfirmed") >= BATCH);
            hub.kill();
            hub.startAgain();
            type(sim, channel, author, BATCH);
            awaitSettled(sharder);

            // Nothing more comes: every command exactly once.
            await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5))
                    .until(() -> received.values().stream().allMatch(n -> n.get() == 1));
            assertThat(received.keySet()).containsExactlyInAnyOrderElementsOf(sent);
            assertThat(metric(sharder, "sharder_events_lost_total")).isZero();
            assertThat(sim.control().gateway().identifies()).as("Discord sessions stayed up")
                    .hasSize((int) identifiesBefore);
            assertThat(sharder.output()).doesNotContain("event=hub_buffer_full");
        }
    }

    /** Waits until every command typed so far arrived and the hub confirmed everything the sharder sent. */
    private void awaitSettled(SharderProcess sharder) {
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                .until(() -> received.size() == sent.size());
        await().atMost(Duration.ofSeconds(10)).until(() -> metric(sharder, "sharder_hub_unconfirmed") == 0
                && metric(sharder, "sharder_hub_queued") == 0);
    }

    /** Types {@code n} commands into the channel; records their message IDs. */
    private void type(DiscordSim sim, SimChannel channel, long author, int n) {
        for (int i = 0; i < n; i++) {
            sent.add(sim.control().events().messageCreate(channel.id(), author, "!ping " + sent.size())
                    .path("id").asText());
        }
    }

    private static boolean allShardsReady(String shardsJson) {
        try {
            List<String> statuses = Json.mapper().readTree(shardsJson).findValuesAsText("status");
            return statuses.size() == 2 && statuses.stream().allMatch("ready"::equals);
        } catch (java.io.IOException notYet) {
            return false;
        }
    }

    private static double metric(SharderProcess sharder, String name) {
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
