package dev.hubcord.discordjs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import dev.hubcord.discordsim.rest.SentMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * discord.js 14, used as its documentation says, against a fresh simulated Discord per scenario. Each test runs one
 * scenario of {@code js/scenarios.mjs} in its own Node process, plays the users through {@code sim.control()}, and
 * checks what discord.js reported and what the simulator recorded.
 */
class DiscordJsIT {

    private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(60);

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

    private NodeScenario run(String scenario, Map<String, String> extra) {
        return NodeScenario.start(sim, scenario, extra);
    }

    @Test
    void logsInWithTwoShardsAndFetchesMembersInChunks() {
        // a large guild (several chunks) and a small one (one chunk), on different shards
        SimGuild first = sim.population().guilds().stream().filter(g -> g.memberCount() > 1_000).findFirst()
                .orElseThrow();
        int firstShard = (int) ((first.id() >> 22) % 2);
        SimGuild second = picks.guildOfShard(1 - firstShard);
        try (NodeScenario node = run("login", Map.of("MEMBER_GUILDS", first.id() + "," + second.id()))) {
            node.awaitPass(SCENARIO_TIMEOUT);
            JsonNode ready = node.event("ready");
            assertThat(ready.path("user").asText()).isEqualTo(Long.toString(picks.botId()));
            assertThat(ready.path("guilds").asInt()).isEqualTo(sim.population().guilds().size());
            assertThat(ready.path("perShard").path("0").asInt())
                    .isEqualTo(sim.population().guildsForShard(0, 2).size());
            assertThat(ready.path("perShard").path("1").asInt())
                    .isEqualTo(sim.population().guildsForShard(1, 2).size());
            Map<String, Integer> counts = node.events().stream().filter(e -> e.has("members"))
                    .collect(Collectors.toMap(e -> e.path("members").asText(), e -> e.path("count").asInt()));
            assertThat(counts).containsEntry(Long.toString(first.id()), first.memberCount())
                    .containsEntry(Long.toString(second.id()), second.memberCount());
        }
        assertThat(sim.control().gateway().acceptedIdentifies(0)).isEqualTo(1);
        assertThat(sim.control().gateway().acceptedIdentifies(1)).isEqualTo(1);
        // op 8 with an empty query and limit 0: the full list, answered in chunks of 1,000
        assertThat(first.memberCount()).isEqualTo(SimPicks.LARGE_MEMBERS);
        assertThat(second.memberCount()).isLessThan(1_000);
        assertThat(sim.control().gateway().receivedByShard(firstShard)).anyMatch(r -> r.op() == 8
                && r.json().contains(Long.toString(first.id())));
    }

    @Test
    void answersAUsersMessageWithAnEmbedReply() {
        SimGuild guild = picks.guildOfShard(0);
        long channel = picks.writableChannel(guild);
        long user = picks.someUser(guild);
        try (NodeScenario node = run("messages", Map.of())) {
            node.awaitReady();
            long userMessage = sim.control().events().messageCreate(channel, user, "!embed").path("id").asLong();
            node.awaitPass(SCENARIO_TIMEOUT);
            JsonNode sent = node.event("sent");
            assertThat(sent.path("received").asText()).isEqualTo(Long.toString(userMessage));
            assertThat(sent.path("type").asInt()).as("message type Reply").isEqualTo(19);
            assertThat(sent.path("reference").asText()).isEqualTo(Long.toString(userMessage));
            assertThat(sent.path("embeds").get(0).path("title").asText()).isEqualTo("Pong");
            assertThat(sent.path("embeds").get(0).path("color").asInt()).isEqualTo(0x5865f2);
            SentMessage reply = sim.control().messages().stream()
                    .filter(m -> m.id() == sent.path("sent").asLong()).findFirst().orElseThrow();
            assertThat(reply.kind()).isEqualTo(SentMessage.Kind.MESSAGE);
            assertThat(reply.replyTo()).isEqualTo(userMessage);
            assertThat(reply.channelId()).isEqualTo(channel);
            // the message record keeps no embeds; the request as discord.js sent it does
            assertThat(sim.control().restRequests()).anyMatch(r -> r.method().equals("POST")
                    && r.path().endsWith("/channels/" + channel + "/messages")
                    && r.body().contains("\"title\":\"Pong\"") && r.status() == 200);
        }
    }

    @Test
    void answersDefersAndFollowsUpInteractions() {
        SimGuild guild = picks.guildOfShard(1);
        long channel = picks.writableChannel(guild);
        long user = picks.someUser(guild);
        try (NodeScenario node = run("interactions", Map.of())) {
            node.awaitReady();
            var ping = sim.control().events().interactionCreate(channel, user, "ping",
                    JsonNodeFactory.instance.arrayNode());
            node.awaitEvent("replied", SCENARIO_TIMEOUT);
            var slow = sim.control().events().interactionCreate(channel, user, "slow",
                    JsonNodeFactory.instance.arrayNode());
            node.awaitPass(SCENARIO_TIMEOUT);
            JsonNode deferred = node.event("deferred");
            assertThat(deferred.path("editedContent").asText()).isEqualTo("done");

            List<SentMessage> messages = sim.control().messages();
            JsonNode replied = node.event("replied");
            assertThat(replied.path("fetchedContent").asText()).isEqualTo("pong");
            SentMessage pong = messages.stream().filter(m -> m.interactionId() == ping.id()
                    && m.kind() == SentMessage.Kind.INTERACTION_RESPONSE).findFirst().orElseThrow();
            assertThat(pong.content()).isEqualTo("pong");
            assertThat(pong.id()).isEqualTo(replied.path("fetched").asLong());
            assertThat(pong.deleted()).as("deleteReply").isTrue();
            SentMessage response = messages.stream().filter(m -> m.interactionId() == slow.id()
                    && m.kind() == SentMessage.Kind.INTERACTION_RESPONSE).findFirst().orElseThrow();
            assertThat(response.content()).isEqualTo("done");
            assertThat(response.loading()).isFalse();
            assertThat(response.history()).isNotEmpty();
            SentMessage followUp = messages.stream().filter(m -> m.interactionId() == slow.id()
                    && m.kind() == SentMessage.Kind.FOLLOW_UP).findFirst().orElseThrow();
            assertThat(followUp.content()).isEqualTo("more");
            assertThat(followUp.ephemeral()).isTrue();
            assertThat(followUp.id()).isEqualTo(deferred.path("followUp").asLong());
        }
    }

    @Test
    void bansKicksAndTimesOut() {
        SimGuild guild = picks.guildOfShard(0);
        List<Long> targets = picks.moderatable(guild);
        long ban = targets.get(0);
        long kick = targets.get(1);
        long timeout = targets.get(2);
        long before = System.currentTimeMillis();
        try (NodeScenario node = run("moderation", Map.of("GUILD_ID", Long.toString(guild.id()),
                "BAN_USER", Long.toString(ban), "KICK_USER", Long.toString(kick),
                "TIMEOUT_USER", Long.toString(timeout)))) {
            node.awaitPass(SCENARIO_TIMEOUT);
            long until = node.event("timeoutUntil").path("timeoutUntil").asLong();
            assertThat(until).isBetween(before + 9 * 60_000, System.currentTimeMillis() + 10 * 60_000 + 1_000);
        }
        assertThat(guild.banned(ban)).isTrue();
        assertThat(guild.member(ban)).isEmpty();
        assertThat(guild.member(kick)).isEmpty();
        assertThat(guild.banned(kick)).isFalse();
        assertThat(guild.member(timeout).orElseThrow().communicationDisabledUntil()).isGreaterThan(before);
    }

    @Test
    void resumesAfterOp7Op9And4000() {
        SimGuild zero = picks.guildOfShard(0);
        SimGuild one = picks.guildOfShard(1);
        long channelZero = picks.writableChannel(zero);
        long channelOne = picks.writableChannel(one);
        long userZero = picks.someUser(zero);
        long userOne = picks.someUser(one);
        try (NodeScenario node = run("resume", Map.of())) {
            node.awaitReady();
            sim.control().gateway().reconnectShard(0);
            awaitResumes(node, 1);
            sim.control().events().messageCreate(channelZero, userZero, "after op 7");
            sim.control().gateway().invalidateShard(1, true);
            awaitResumes(node, 2);
            sim.control().events().messageCreate(channelOne, userOne, "after op 9");
            sim.control().gateway().closeShard(0, 4000);
            awaitResumes(node, 3);
            sim.control().events().messageCreate(channelZero, userZero, "last");
            node.awaitPass(SCENARIO_TIMEOUT);
            assertThat(node.events().stream().filter(e -> e.has("message")).map(e -> e.path("message").asText()))
                    .containsExactly("after op 7", "after op 9", "last");
            assertThat(node.events().stream().filter(e -> e.has("resumed")).map(e -> e.path("resumed").asInt()))
                    .containsExactly(0, 1, 0);
        }
        // every recovery was a RESUME (op 6), never a new IDENTIFY
        assertThat(sim.control().gateway().acceptedIdentifies(0)).isEqualTo(1);
        assertThat(sim.control().gateway().acceptedIdentifies(1)).isEqualTo(1);
        assertThat(sim.control().gateway().receivedByShard(0).stream().filter(r -> r.op() == 6)).hasSize(2);
        assertThat(sim.control().gateway().receivedByShard(1).stream().filter(r -> r.op() == 6)).hasSize(1);
    }

    private static void awaitResumes(NodeScenario node, int count) {
        node.awaitLine(l -> node.events().stream().filter(e -> e.has("resumed")).count() >= count,
                SCENARIO_TIMEOUT);
    }

    @Test
    void respectsRateLimitHeadersAndRetries429s() {
        SimGuild guild = picks.guildOfShard(0);
        List<Long> channels = picks.writableChannels(guild).stream().map(c -> c.id()).toList();
        long same = channels.getFirst();
        int messages = 6;
        // spread over channels of several guilds: separate buckets, so only the global limit holds them back
        List<Long> spread = sim.population().guilds().stream().limit(6)
                .map(picks::writableChannels).filter(l -> !l.isEmpty()).map(l -> l.getLast().id())
                .filter(id -> id != same).toList();
        long user = picks.someUser(guild);
        try (NodeScenario node = run("rateLimits", Map.of("MESSAGES", Integer.toString(messages),
                "SAME_CHANNEL", Long.toString(same),
                "SPREAD_CHANNELS", spread.stream().map(String::valueOf).collect(Collectors.joining(","))))) {
            node.awaitReady();
            sim.control().setRestConfig(sim.control().restConfig()
                    .withBucket("messages", new RestConfig.BucketLimit(2, 1_000, false)));
            sim.control().clearRestRequests();
            sim.control().events().messageCreate(same, user, "!burst");
            // the per-route bucket is announced by X-RateLimit-* headers: discord.js waits instead of hitting it
            JsonNode burst = node.awaitEvent("same", SCENARIO_TIMEOUT);
            assertThat(burst.path("same").asInt()).isEqualTo(messages);
            assertThat(burst.path("tooMany").asInt()).isZero();
            // a global limit discord.js cannot know of: 429s with X-RateLimit-Global, waited out and retried
            sim.control().setRestConfig(sim.control().restConfig().withGlobal(2, 1_000));
            sim.control().events().messageCreate(same, user, "!spread");
            node.awaitPass(SCENARIO_TIMEOUT);
            JsonNode result = node.event("spread");
            assertThat(result.path("spread").asInt()).isEqualTo(spread.size());
            assertThat(result.path("tooMany").asInt()).isPositive();
        }
        List<RestExchange.Recorded> posts = sim.control().restRequests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/messages")).toList();
        assertThat(posts.stream().filter(r -> r.path().contains("/" + same + "/") && r.status() == 429)).isEmpty();
        assertThat(posts).anyMatch(r -> r.status() == 429);
        assertThat(sim.control().messages().stream().filter(m -> m.content().startsWith("spread "))).hasSize(
                spread.size());
    }
}
