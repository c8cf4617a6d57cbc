package dev.hubcord.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.hubcord.hub.HubServer;
import dev.hubcord.hub.config.HubConfig;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Routing at 10,000 events/s through a real hub over real sockets, first alone, then while two clients search the
 * members of a 50,000-member guild in a loop over REST. Before the search index and the search workers a search took
 * 17 to 27 ms of an event loop's time, so routing's p99 rose by at least that much; now a search costs the event
 * loop well under a millisecond (a slow one runs on a search worker). The bound is generous: p99 with searches at
 * most twice p99 without plus 10 ms. On a quiet machine (p99 about 1 ms alone) the old search, 17 to 27 ms on an event
 * loop many times a second, fails it; a loaded 2-core machine slows both phases alike and does not.
 *
 * <p>Not part of {@code ./mvnw verify}: on two shared cores the searches' own CPU moves routing's p99 whether or not
 * they block an event loop (a CI run measured 5.7 ms alone, 23.6 ms beside them), so the comparison only means
 * something on a machine with cores to spare. Run it with
 * {@code ./mvnw -pl bench -am verify -Dhubcord.loadTests=true -Dtest=SearchDoesNotDelayRoutingTest -Dsurefire.failIfNoSpecifiedTests=false}.
 */
@EnabledIfSystemProperty(named = "hubcord.loadTests", matches = "true",
        disabledReason = "a load comparison: -Dhubcord.loadTests=true on a machine with cores to spare")
class SearchDoesNotDelayRoutingTest {

    static final String SECRET = "bench-test-secret";
    static final long GUILD = 900_000_000_000_000_001L;
    static final int MEMBERS = 50_000;
    static final int RATE = 10_000;
    static final long TOLERANCE_MICROS = 10_000;

    @Test
    void routingP99StaysPutWhileMemberSearchRunsInALoop() throws Exception {
        HubServer hub = HubServer.start(HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", SECRET,
                "HUB_HOST", "127.0.0.1", "HUB_PORT", "0", "HUB_IO_THREADS", "2", "HUB_RATE_LIMIT", "10000000",
                "HUB_CACHE_MEMBER_BUDGET", "1000000")));
        URI ws = URI.create("ws://127.0.0.1:" + hub.port() + "/ws/v1");
        HttpClient http = HttpClient.newHttpClient();
        try (LoadCluster cluster = new LoadCluster(ws, SECRET, false, 2, 4, 1)) {
            List<String> usernames = loadGuild(cluster.sharders.getFirst().channel());
            await().atMost(Duration.ofSeconds(60)).until(() -> get(http, hub, "/v1/discord/guilds/" + GUILD + "/members/"
                    + (MEMBERS - 1 + 1_000_000L)).statusCode() == 200);

            Histogram alone;
            Histogram searching;
            AtomicLong searches = new AtomicLong();
            Map<Integer, Long> statuses = new ConcurrentHashMap<>();
            try (FixedRate load = new FixedRate(cluster, RATE, 0)) {
                alone = measure(cluster.stats);
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> searchers = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    SplittableRandom r = new SplittableRandom(t);
                    searchers.add(Thread.ofPlatform().name("searcher-" + t).start(() -> {
                        while (!stop.get()) {
                            // one in four searches matches no one among the 25,000 "user…" names: the keys cannot
                            // skip them, so it runs over the event loop's budget and goes to a search worker
                            String q = r.nextInt(4) == 0 ? "usex" : usernames.get(r.nextInt(usernames.size())).substring(0, 3);
                            int status = get(http, hub, "/v1/discord/guilds/" + GUILD + "/members?limit=10&query=" + q)
                                    .statusCode();
                            statuses.merge(status, 1L, Long::sum);
                            searches.incrementAndGet();
                        }
                    }));
                }
                searching = measure(cluster.stats);
                stop.set(true);
                for (Thread t : searchers) {
                    t.join();
                }
            }
            long p99Alone = alone.getValueAtPercentile(99);
            long p99Searching = searching.getValueAtPercentile(99);
            System.out.printf("routing at %d/s: p99 %d µs alone, %d µs while %d searches ran (%s)%n", RATE, p99Alone,
                    p99Searching, searches.get(), statuses);
            assertThat(searches.get()).as("searches run").isGreaterThan(10);
            assertThat(statuses.keySet()).as("answers (503 only if the search workers were full)").isSubsetOf(200, 503);
            assertThat(statuses.getOrDefault(200, 0L)).isGreaterThan(searches.get() / 2);
            // A machine that cannot route the rate even without searches (other jobs hold its cores) measures its
            // own load, not the hub: the comparison is then skipped, said so, rather than passed or failed by chance.
            assumeTrue(alone.getTotalCount() >= RATE * 5L * 8 / 10 && p99Alone < 50_000,
                    "machine too loaded to compare latencies: " + alone.getTotalCount() + " events in 5 s, p99 "
                            + p99Alone + " µs without searches");
            assertThat(p99Searching).as("p99 µs with searches vs %d alone", p99Alone)
                    .isLessThanOrEqualTo(2 * p99Alone + TOLERANCE_MICROS);
        } finally {
            hub.close();
        }
    }

    /** Latencies over 5 s of the running load, after 2 s to settle. Measuring takes time: these are its windows. */
    private static Histogram measure(LoadStats stats) throws InterruptedException {
        Thread.sleep(2_000);
        stats.takeLatencies();
        Thread.sleep(5_000);
        return stats.takeLatencies();
    }

    /** Pushes the guild's members as op 5 payloads: half named user0…, half random letters; returns the usernames. */
    private static List<String> loadGuild(Channel sharder) {
        List<String> names = new ArrayList<>();
        SplittableRandom r = new SplittableRandom(42);
        send(sharder, "{\"type\":\"guild\",\"id\":\"" + GUILD + "\",\"name\":\"big\",\"ownerID\":\"1\",\"memberCount\":"
                + MEMBERS + "}");
        for (int i = 0; i < MEMBERS; i++) {
            String name;
            if (i % 2 == 0) {
                name = "user" + i;
            } else {
                StringBuilder sb = new StringBuilder();
                for (int c = 6 + r.nextInt(6); c > 0; c--) {
                    sb.append((char) ('a' + r.nextInt(26)));
                }
                name = sb.toString();
            }
            names.add(name);
            long id = 1_000_000L + i;
            send(sharder, "{\"type\":\"member\",\"id\":\"" + id + "\",\"guildID\":\"" + GUILD + "\",\"roles\":[],"
                    + "\"user\":{\"id\":\"" + id + "\",\"username\":\"" + name + "\",\"discriminator\":\"0\"}}");
            if (i % 1000 == 0) {
                sharder.flush();
            }
        }
        sharder.flush();
        return names;
    }

    private static void send(Channel channel, String d) {
        byte[] bytes = ("{\"op\":5,\"d\":" + d + "}").getBytes(StandardCharsets.UTF_8);
        channel.write(new TextWebSocketFrame(Unpooled.wrappedBuffer(bytes)), channel.voidPromise());
    }

    private static HttpResponse<Void> get(HttpClient http, HubServer hub, String path) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.port() + path))
                    .header("Authorization", SECRET).build(), HttpResponse.BodyHandlers.discarding());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
