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

/** Scenario 6: with a bucket of 2 messages per second, 8 queued sends all succeed, paced by the sim's headers. */
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
}
