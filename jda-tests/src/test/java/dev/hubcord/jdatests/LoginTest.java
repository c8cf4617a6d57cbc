package dev.hubcord.jdatests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.discordsim.population.SimGuild;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.dv8tion.jda.api.entities.Guild;
import net.dv8tion.jda.api.events.guild.GuildReadyEvent;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Scenario 1: two shards log in, receive every guild of the population, and chunk every member (op 8). */
class LoginTest {

    private static JdaSim env;

    @BeforeAll
    static void start() {
        env = JdaSim.start().awaitConnected();
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void selfUserAndApplicationComeFromTheSim() {
        assertThat(env.jda.getShardById(0).getSelfUser().getIdLong()).isEqualTo(env.sim.population().bot().id());
        assertThat(env.jda.getShardById(0).getSelfUser().getApplicationIdLong()).isEqualTo(env.sim.applicationId());
        var app = env.jda.retrieveApplicationInfo().complete();
        assertThat(app.getIdLong()).isEqualTo(env.sim.applicationId());
        assertThat(app.getFlags()).isNotEmpty();
    }

    @Test
    void startUpCallsOnlyRoutesTheSimServes() {
        var requests = env.sim.control().restRequests();
        assertThat(requests).extracting(r -> r.method() + " " + r.path())
                .contains("GET /api/v10/users/@me", "GET /api/v10/gateway/bot");
        assertThat(requests).as("requests the sim did not answer 2xx")
                .allSatisfy(r -> assertThat(r.status()).as(r.method() + " " + r.path()).isBetween(200, 299));
    }

    @Test
    void everyGuildIsReadyOnItsShard() {
        Set<Long> expected = env.sim.population().guilds().stream().map(SimGuild::id).collect(Collectors.toSet());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                env.events(GuildReadyEvent.class).stream().map(e -> e.getGuild().getIdLong()))
                .containsExactlyInAnyOrderElementsOf(expected));
        for (int shard = 0; shard < JdaSim.SHARDS; shard++) {
            Set<Long> onShard = env.sim.population().guildsForShard(shard, JdaSim.SHARDS).stream()
                    .map(SimGuild::id).collect(Collectors.toSet());
            assertThat(env.jda.getShardById(shard).getGuilds().stream().map(Guild::getIdLong))
                    .containsExactlyInAnyOrderElementsOf(onShard);
        }
    }

    @Test
    void chunkingLoadsEveryMember() {
        List<SimGuild> guilds = env.sim.population().guilds();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (SimGuild g : guilds) {
                Guild guild = env.jda.getGuildById(g.id());
                assertThat(guild).as("guild %s", g.id()).isNotNull();
                assertThat(guild.getMemberCount()).as("member_count of %s", g.id()).isEqualTo(g.members().size());
                assertThat(guild.getMembers()).as("members cached for %s", g.id()).hasSize(g.members().size());
            }
        });
        assertThat(guilds.stream().anyMatch(g -> g.members().size() >= 150)).as("a large guild was chunked").isTrue();
    }
}
