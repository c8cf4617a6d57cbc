package dev.hubcord.discordrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Three REST clients, each with its own hub connection, flooding the simulated Discord through the hub's
 * coordination: one channel's bucket, then the global limit, then with the hub closed mid-flood and started again.
 * The sim's record of requests is the judge.
 */
class CoordinatedLimitsTest {

    private static final int CLIENTS = 3;
    private static final int BUCKET_LIMIT = 10;
    private static final long BUCKET_WINDOW_MS = 2_000;
    private static final int GLOBAL_LIMIT = 50;

    private Deployment deployment;

    private static RestConfig limits() {
        return RestConfig.defaults().withGlobal(GLOBAL_LIMIT, 1_000)
                .withBucket("messages", new RestConfig.BucketLimit(BUCKET_LIMIT, BUCKET_WINDOW_MS, false));
    }

    /** Channel buckets wide enough that the global limit is the one that binds. */
    private static RestConfig globalBinds() {
        return limits().withBucket("messages", new RestConfig.BucketLimit(50, 1_000, false));
    }

    @AfterEach
    void stop() {
        if (deployment != null) {
            deployment.close();
        }
    }

    @Test
    void oneChannelBucketIsSharedByEveryClientWithout429sAndAtItsLimit() throws Exception {
        deployment = new Deployment(limits(), CLIENTS);
        long channel = deployment.channels().getFirst();
        try (Flood flood = new Flood(deployment.clients, 4, n -> channel)) {
            Thread.sleep(9_000);
        }
        List<RestExchange.Recorded> posts = deployment.posts();
        assertThat(posts).allMatch(r -> r.status() == 200);
        // every client sent some: the bucket was shared, not won by one
        double rate = windowRate(posts.stream().mapToLong(RestExchange.Recorded::atMillis).toArray(), BUCKET_LIMIT);
        double allowed = BUCKET_LIMIT * 1000.0 / BUCKET_WINDOW_MS;
        System.out.printf("one bucket: %d requests, %.2f req/s against %.2f%n", posts.size(), rate, allowed);
        assertThat(rate).isBetween(allowed * 0.95, allowed * 1.001);
        assertThat(deployment.sim.control().invalidRestRequests()).isZero();
    }

    @Test
    void theGlobalLimitHoldsForAllClientsTogether() throws Exception {
        deployment = new Deployment(globalBinds(), CLIENTS);
        List<Long> channels = deployment.channels();
        try (Flood flood = new Flood(deployment.clients, 8, n -> channels.get(Math.floorMod(n * 7, channels.size())))) {
            Thread.sleep(6_000);
        }
        List<RestExchange.Recorded> posts = deployment.posts();
        explain429s(posts);
        long[] times = posts.stream().filter(r -> r.status() == 200).mapToLong(RestExchange.Recorded::atMillis)
                .toArray();
        // the hub grants 50 per window: the period of those windows gives the rate (after a first second of start-up:
        // the hub's own first window, the discovery of each channel's bucket)
        long[] steady = java.util.Arrays.stream(times).filter(t -> t >= times[0] + 1_000).toArray();
        double rate = windowRate(steady, GLOBAL_LIMIT);
        long limited = posts.stream().filter(r -> r.status() == 429).count();
        System.out.printf("global: %d requests, %d 429s, %.2f req/s against %d%n", posts.size(), limited, rate,
                GLOBAL_LIMIT);
        // Bounds for a machine whose cores every process of the test shares (and other builds too): waiting clients
        // poll the hub every 10 ms, and a slow wake-up costs throughput; the benchmark gives the figures.
        assertThat(rate).isBetween(GLOBAL_LIMIT * 0.80, GLOBAL_LIMIT * 1.0);
        // A client whose hub answer takes over 1 s falls back for a moment, which can cost a 429: rare, never a storm.
        assertThat(limited).isLessThanOrEqualTo(posts.size() / 100);
    }

    @Test
    void withTheHubClosedClientsFallBackToTheirShareAndComeBackToTheHub() throws Exception {
        deployment = new Deployment(globalBinds(), CLIENTS);
        List<Long> channels = deployment.channels();
        int perClient = channels.size() / CLIENTS;
        int threads = 8;
        // each client writes to channels of its own, so that only the global limit is shared
        try (Flood flood = new Flood(deployment.clients, threads,
                n -> channels.get((n / 1_000) / threads * perClient + n % perClient))) {
            Thread.sleep(3_000);
            long closedAt = System.currentTimeMillis();
            deployment.hub.close();
            await().atMost(Duration.ofSeconds(3))
                    .until(() -> deployment.limits.stream().allMatch(HubRateLimits::fallingBack));
            assertThat(deployment.limits).allMatch(l -> l.fallbackShare() == GLOBAL_LIMIT * 9 / 10 / CLIENTS);
            Thread.sleep(3_000);
            long[] during = deployment.posts().stream().mapToLong(RestExchange.Recorded::atMillis)
                    .filter(t -> t > closedAt).toArray();
            long outageMs = System.currentTimeMillis() - closedAt;
            System.out.printf("without hub: %d requests in %d ms%n", during.length, outageMs);
            // the three local shares together stay under the global limit (plus the window the outage began in)
            assertThat(during.length).isLessThanOrEqualTo((int) (GLOBAL_LIMIT * (outageMs / 1000.0 + 1)));
            deployment.restartHub();
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> deployment.limits.stream().noneMatch(HubRateLimits::fallingBack));
            Thread.sleep(2_000);
        }
        List<RestExchange.Recorded> posts = deployment.posts();
        explain429s(posts);
        long limited = posts.stream().filter(r -> r.status() == 429).count();
        long[] times = posts.stream().mapToLong(RestExchange.Recorded::atMillis).toArray();
        System.out.printf("hub closed and back: %d requests, %d 429s, busiest second %d%n", posts.size(), limited,
                busiestSecond(times));
        assertThat(limited).isLessThanOrEqualTo(posts.size() / 50);
        // the hub that comes back is told what the clients sent without it (recent) before it grants
        assertThat(busiestSecond(times)).as("requests in the busiest second at the sim").isLessThanOrEqualTo(GLOBAL_LIMIT);
    }

    /** For each 429: how many requests the sim took in its channel (last 2 s) and in all (last 1 s) before it. */
    static void explain429s(List<RestExchange.Recorded> posts) {
        long start = posts.isEmpty() ? 0 : posts.getFirst().atMillis();
        for (RestExchange.Recorded r : posts) {
            if (r.status() != 429) {
                continue;
            }
            long inChannel = posts.stream().filter(o -> o.status() == 200 && o.path().equals(r.path())
                    && o.atMillis() <= r.atMillis() && o.atMillis() > r.atMillis() - BUCKET_WINDOW_MS).count();
            long inAll = posts.stream().filter(o -> o.status() == 200 && o.atMillis() <= r.atMillis()
                    && o.atMillis() > r.atMillis() - 1_000).count();
            System.out.printf("429 at +%d ms: %d in its channel in 2 s, %d in all in 1 s%n", r.atMillis() - start,
                    inChannel, inAll);
        }
    }

    /** The most requests the sim received within any one second (sliding over its arrival stamps, in order). */
    static int busiestSecond(long[] times) {
        int most = 0;
        int from = 0;
        for (int to = 0; to < times.length; to++) {
            while (times[to] - times[from] >= 1_000) {
                from++;
            }
            most = Math.max(most, to - from + 1);
        }
        return most;
    }

    /** Requests per second over whole windows: the period between the first requests of the first and last window. */
    static double windowRate(long[] times, int perWindow) {
        int windows = (times.length - 1) / perWindow;
        assertThat(windows).as("need at least two windows").isGreaterThanOrEqualTo(2);
        return perWindow * windows * 1000.0 / (times[windows * perWindow] - times[0]);
    }
}
