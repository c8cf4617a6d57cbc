package dev.hubcord.jdatests;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.channel.concrete.TextChannel;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Scenario 6: with a bucket of 2 messages per second, 8 queued sends all succeed, paced by the sim's headers; under a
 * global limit (whose 429s no header predicts) JDA waits out {@code retry_after} and loses nothing.
 */
class RateLimitsTest {

    private static final int SENDS = 8;
    private static JdaSim env;

    @BeforeAll
    static void start() {
        env = JdaSim.start(RestConfig.defaults().withBucket("messages", new RestConfig.BucketLimit(2, 1_000, false)))
                .awaitConnected();
    }

    @AfterAll
    static void stop() {
        if (env != null) {
            env.close();
        }
    }

    @Test
    void queuedSendsAllSucceedWithinTheBucket() throws Exception {
        long channel = env.general(env.guild());
        TextChannel text = env.jda.getTextChannelById(channel);
        env.sim.control().clearRestRequests();
        long started = System.nanoTime();
        List<CompletableFuture<Message>> sends = new ArrayList<>();
        for (int i = 0; i < SENDS; i++) {
            sends.add(text.sendMessage("burst " + i).submit());
        }
        for (CompletableFuture<Message> f : sends) {
            assertThat(f.get(30, TimeUnit.SECONDS).getContentRaw()).startsWith("burst ");
        }
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        List<RestExchange.Recorded> posts = env.sim.control().restRequests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/messages")).toList();
        assertThat(posts.stream().filter(r -> r.status() == 200)).hasSize(SENDS);
        assertThat(posts.stream().filter(r -> r.status() == 429)).as("429s JDA provoked").isEmpty();
        // 8 sends at 2 per window need at least 3 full windows after the first
        assertThat(elapsedMs).isGreaterThanOrEqualTo(2_500);
    }

    @Test
    void globalLimit429sAreRetriedAfterRetryAfter() throws Exception {
        List<Long> channels = env.sim.population().guilds().stream().map(env::general).limit(4).toList();
        RestConfig before = env.sim.control().restConfig();
        env.sim.control().setRestConfig(before.withGlobal(3, 1_000));
        try {
            env.sim.control().clearRestRequests();
            List<CompletableFuture<Message>> sends = new ArrayList<>();
            for (int i = 0; i < SENDS; i++) {
                sends.add(env.jda.getTextChannelById(channels.get(i % channels.size()))
                        .sendMessage("global " + i).submit());
            }
            for (CompletableFuture<Message> f : sends) {
                assertThat(f.get(30, TimeUnit.SECONDS).getContentRaw()).startsWith("global ");
            }
        } finally {
            env.sim.control().setRestConfig(before);
        }
        List<RestExchange.Recorded> posts = env.sim.control().restRequests().stream()
                .filter(r -> r.method().equals("POST") && r.path().endsWith("/messages")).toList();
        assertThat(posts.stream().filter(r -> r.status() == 429)).as("global 429s (no bucket headers to predict them)")
                .isNotEmpty();
        assertThat(env.sim.control().messages().stream().filter(m -> m.content().startsWith("global ")))
                .as("each send created exactly once").hasSize(SENDS);
    }
}
