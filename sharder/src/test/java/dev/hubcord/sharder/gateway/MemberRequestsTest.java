package dev.hubcord.sharder.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimMember;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.sharder.Sharder;
import dev.hubcord.sharder.config.SharderConfig;
import dev.hubcord.sharder.support.Hub;
import dev.hubcord.sharder.support.Sims;
import dev.hubcord.sharder.support.TestSharders;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Op 8 full member lists, one in-process sharder against the simulated Discord and a real hub: a guild of 5,000
 * members reaches the hub's cache, each guild is requested once per session (not again on a resume, again after a
 * fresh IDENTIFY), RATE_LIMITED answers are retried after {@code retry_after}, and {@code small} / {@code none} are
 * honoured.
 */
class MemberRequestsTest {

    private static final int LARGE = 5_000;
    private static final int GUILDS = 4;

    private DiscordSim sim;
    private Hub hub;
    private Sharder sharder;

    private void start(Map<String, String> extra, UnaryOperator<dev.hubcord.discordsim.gateway.GatewayConfig.Builder> tweak)
            throws InterruptedException {
        // Guild 0 has LARGE members, the others 20.
        sim = Sims.start(2, 1, 50, PopulationConfig.defaults().withGuilds(GUILDS).withMembers(20, GUILDS, LARGE), tweak);
        hub = Hub.start(Map.of("HUB_IDENTIFY_INTERVAL_MS", "60"));
        sharder = Sharder.start(SharderConfig.resolve(Map.of(), Map.of(), TestSharders.settings(sim, hub, extra)));
        await().atMost(Duration.ofSeconds(20)).until(() -> sharder.shards().shards().size() == 2
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

    private SimGuild large() {
        return sim.population().guilds().stream().filter(g -> g.memberCount() == LARGE).findFirst().orElseThrow();
    }

    private int shardOf(SimGuild guild) {
        return (int) Long.remainderUnsigned(guild.id() >>> 22, 2);
    }

    /** The op 8 payloads the simulator received from all shards, as {@code d}. */
    private List<JsonNode> requests() {
        return java.util.stream.IntStream.range(0, 2).boxed()
                .flatMap(s -> sim.control().gateway().receivedByShard(s).stream())
                .filter(r -> r.op() == 8).map(r -> json(r.json()).path("d")).toList();
    }

    private static JsonNode json(String text) {
        try {
            return Json.mapper().readTree(text);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private boolean inHub(SimGuild guild, SimMember member) {
        return hub.get("/v1/discord/guilds/" + Long.toUnsignedString(guild.id()) + "/members/"
                + Long.toUnsignedString(member.userId())).status() == 200;
    }

    @Test
    void aLargeGuildsMembersReachTheHubCacheAndAResumeRequestsNothingNew() throws Exception {
        start(Map.of("SHARDER_MEMBER_REQUESTS", "all"), b -> b);
        await().atMost(Duration.ofSeconds(30)).until(() -> requests().size() == GUILDS
                && sharder.shards().memberRequestsOutstanding() == 0);
        assertThat(requests()).allSatisfy(d -> {
            assertThat(d.path("query").asText("x")).isEmpty();
            assertThat(d.path("limit").asInt(-1)).isZero();
            assertThat(d.path("nonce").asText()).isNotEmpty();
        });
        assertThat(requests().stream().map(d -> d.path("guild_id").asText()).distinct()).hasSize(GUILDS);
        int all = sim.population().guilds().stream().mapToInt(SimGuild::memberCount).sum();
        assertThat(sharder.metrics().membersReceived()).isEqualTo(all);
        SimGuild large = large();
        List<SimMember> members = large.members();
        await().atMost(Duration.ofSeconds(20)).until(() -> inHub(large, members.getLast()));
        for (int i = 0; i < members.size(); i += 97) {
            assertThat(inHub(large, members.get(i))).as("member %d of the large guild in the hub", i).isTrue();
        }
        assertThat(sharder.metrics().scrape()).contains("sharder_members_received_total " + all + ".0")
                .contains("sharder_member_requests_total " + GUILDS + ".0");

        int shard = shardOf(large);
        String session = sharder.shards().shard(shard).sessionId();
        sim.control().gateway().dropShard(shard);
        await().atMost(Duration.ofSeconds(10)).until(() -> sim.control().gateway().connections().stream()
                .filter(c -> c.shardId() == shard).count() == 2 && sharder.shards().shard(shard).state() == ShardState.READY);
        assertThat(sharder.shards().shard(shard).sessionId()).as("resumed").isEqualTo(session);
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> requests().size() == GUILDS);
    }

    @Test
    void aRateLimitedRequestIsSentAgainAfterRetryAfterAndAFreshIdentifyRequestsAgain() throws Exception {
        // the per-bot window (Discord's change log's wording): a new session's requests hit the old session's window
        start(Map.of("SHARDER_MEMBER_REQUESTS", "all"), b -> b.fullMemberRequestWindowMs(8_000)
                .fullMemberRequestPerSession(false));
        await().atMost(Duration.ofSeconds(30)).until(() -> requests().size() == GUILDS
                && sharder.shards().memberRequestsOutstanding() == 0);
        SimGuild large = large();
        int shard = shardOf(large);
        long onShard = sim.population().guildsForShard(shard, 2).size();
        long before = sharder.metrics().membersReceived();

        // A new session at once: its GUILD_CREATEs ask again within Discord's 1-per-guild window.
        sim.control().gateway().invalidateShard(shard, false);
        await().atMost(Duration.ofSeconds(20)).until(() -> sharder.metrics().memberRequestsRateLimited() >= 1);
        await().atMost(Duration.ofSeconds(20)).until(() -> sharder.shards().memberRequestsOutstanding() == 0
                && sharder.metrics().membersReceived() - before == sim.population().guildsForShard(shard, 2).stream()
                        .mapToInt(SimGuild::memberCount).sum());
        assertThat(requests().size()).as("each guild of the shard again, plus the retries")
                .isEqualTo(GUILDS + onShard + sharder.metrics().memberRequestsRateLimited());
        assertThat(sharder.metrics().scrape()).contains("sharder_member_requests_rate_limited_total");
    }

    @Test
    void smallRequestsOnlyGuildsUpToTheLimit() throws Exception {
        start(Map.of("SHARDER_MEMBER_REQUESTS", "small", "SHARDER_MEMBER_REQUEST_MAX", "1000"), b -> b);
        await().atMost(Duration.ofSeconds(30)).until(() -> requests().size() == GUILDS - 1
                && sharder.shards().memberRequestsOutstanding() == 0);
        String large = Long.toUnsignedString(large().id());
        await().during(Duration.ofMillis(800)).atMost(Duration.ofSeconds(3)).until(() -> requests().size() == GUILDS - 1);
        assertThat(requests()).noneSatisfy(d -> assertThat(d.path("guild_id").asText()).isEqualTo(large));
    }

    @Test
    void noneRequestsNothing() throws Exception {
        start(Map.of("SHARDER_MEMBER_REQUESTS", "none"), b -> b);
        await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> requests().isEmpty());
        assertThat(sharder.metrics().memberRequests()).isZero();
    }
}
