package dev.hubcord.sharder.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.gateway.GatewayRecords;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.sharder.Sharder;
import dev.hubcord.sharder.config.SharderConfig;
import dev.hubcord.sharder.support.Hub;
import dev.hubcord.sharder.support.Sims;
import dev.hubcord.sharder.support.TestSharders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One in-process sharder against the simulated Discord and a real hub: resume after a drop, op 7,
 * op 9 both ways, a fatal close code, zlib-stream, and the guild state reaching the hub.
 */
class GatewayBehaviourTest {

    private DiscordSim sim;
    private Hub hub;
    private Sharder sharder;

    private void start(Map<String, String> extra) throws InterruptedException {
        sim = Sims.start(2, 1, 50, 6, b -> b);
        hub = Hub.start(Map.of("HUB_IDENTIFY_INTERVAL_MS", "60"));
        sharder = Sharder.start(SharderConfig.resolve(Map.of(), Map.of(), TestSharders.settings(sim, hub, extra)));
        await().atMost(Duration.ofSeconds(15)).until(() -> sharder.shards().shards().size() == 2
                && sharder.shards().shards().stream().allMatch(s -> s.state() == ShardState.READY));
    }

    @AfterEach
    void tearDown() {
        if (sharder != null) {
            sharder.close();
        }
        if (hub != null) {
            hub.close();
        }
        if (sim != null) {
            sim.close();
        }
    }

    private Shard shard(int id) {
        return sharder.shards().shard(id);
    }

    private List<GatewayRecords.ConnectionInfo> connections(int shard) {
        return sim.control().gateway().connections().stream().filter(c -> c.shardId() == shard).toList();
    }

    private SimGuild guildOfShard(int shard) {
        return sim.population().guildsForShard(shard, 2).getFirst();
    }

    @Test
    void resumesAfterADroppedConnectionAndReceivesWhatWasMissed() throws Exception {
        start(Map.of());
        String session = shard(0).sessionId();
        assertThat(connections(0)).singleElement().satisfies(c -> assertThat(c.compression()).isEqualTo("zstd-stream"));
        SimGuild guild = guildOfShard(0);
        SimMember member = guild.members().get(1);

        sim.control().gateway().dropShard(0);
        sim.control().events().memberUpdate(guild.id(), member.userId(), "while-away", null);

        await().atMost(Duration.ofSeconds(10)).until(() -> connections(0).size() == 2
                && connections(0).get(1).viaResumeUrl() && shard(0).state() == ShardState.READY);
        assertThat(shard(0).sessionId()).isEqualTo(session);
        assertThat(sim.control().gateway().acceptedIdentifies(0)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> "while-away".equals(hub.get(
                "/v1/discord/guilds/" + guild.id() + "/members/" + member.userId()).body().path("nickname").asText()));
    }

    @Test
    void op7ReconnectResumesOnTheResumeUrl() throws Exception {
        start(Map.of());
        String session = shard(1).sessionId();
        assertThat(sim.control().gateway().reconnectShard(1)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> connections(1).size() == 2
                && shard(1).state() == ShardState.READY);
        GatewayRecords.ConnectionInfo first = connections(1).get(0);
        assertThat(first.clientCloseCode()).as("closed by us, resumable").isNotIn(1000, 1001);
        assertThat(connections(1).get(1).viaResumeUrl()).isTrue();
        assertThat(shard(1).sessionId()).isEqualTo(session);
        assertThat(sim.control().gateway().acceptedIdentifies(1)).isEqualTo(1);
    }

    @Test
    void op9ResumableResumesAndOp9FalseIdentifiesAfresh() throws Exception {
        start(Map.of());
        String session = shard(0).sessionId();
        sim.control().gateway().invalidateShard(0, true);
        await().atMost(Duration.ofSeconds(10)).until(() -> connections(0).size() == 2
                && shard(0).state() == ShardState.READY);
        assertThat(shard(0).sessionId()).isEqualTo(session);
        assertThat(sim.control().gateway().acceptedIdentifies(0)).isEqualTo(1);

        sim.control().gateway().invalidateShard(0, false);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.control().gateway().acceptedIdentifies(0) == 2
                && shard(0).state() == ShardState.READY);
        assertThat(shard(0).sessionId()).isNotEqualTo(session);
        assertThat(connections(0).getLast().viaResumeUrl()).isFalse();
    }

    @Test
    void aFatalCloseCodeStopsTheShardWithoutARetryLoop() throws Exception {
        start(Map.of());
        assertThat(sim.control().gateway().closeShard(1, 4014)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(5)).until(() -> shard(1).state() == ShardState.FAILED);
        await().atMost(Duration.ofSeconds(5)).until(() -> "failed".equals(statusOnHub(1)));
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3))
                .until(() -> connections(1).size() == 1 && shard(1).state() == ShardState.FAILED);
        assertThat(shard(0).state()).as("the other shard is untouched").isEqualTo(ShardState.READY);
    }

    private String statusOnHub(int shard) {
        for (var s : hub.get("/v1/shards").body()) {
            if (s.path("shard").asInt() == shard) {
                return s.path("status").asText();
            }
        }
        return null;
    }

    @Test
    void zlibStreamCarriesTheSameState() throws Exception {
        start(Map.of("DISCORD_COMPRESS", "zlib-stream"));
        assertThat(sim.control().gateway().connections()).allSatisfy(c -> assertThat(c.compression()).isEqualTo("zlib-stream"));
        for (SimGuild guild : sim.population().guilds()) {
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.get("/v1/discord/guilds/" + guild.id()).status() == 200);
            assertThat(hub.get("/v1/discord/guilds/" + guild.id()).body().path("name").asText()).isEqualTo(guild.name());
        }
    }
}
