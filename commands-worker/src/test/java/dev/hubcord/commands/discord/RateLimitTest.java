package dev.hubcord.commands.discord;

import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordrest.DiscordRest;
import dev.hubcord.discordrest.DiscordRestException;
import dev.hubcord.discordrest.RestOptions;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/** The REST client against the simulated Discord's buckets and all three kinds of 429. */
class RateLimitTest {

    @TempDir
    static Path dir;
    static World world;

    @BeforeAll
    static void start() throws Exception {
        world = World.start(dir);
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    @BeforeEach
    void reset() {
        world.sim.control().setRestConfig(RestConfig.defaults());
        world.sim.control().clearRestRequests();
    }

    private DiscordRest client() {
        return new DiscordRest(RestOptions.defaults(URI.create(world.sim.apiBaseUrl()), world.sim.token()));
    }

    private List<Long> textChannels() {
        return world.guild.snapshot().channels().stream().filter(c -> c.type() == SimChannel.TEXT)
                .filter(c -> c.overwrites().isEmpty()).map(SimChannel::id).toList();
    }

    @Test
    void aBurstOfRepliesIntoOneChannelNeverMeetsA429() throws Exception {
        world.sim.control().setRestConfig(RestConfig.defaults()
                .withBucket("messages", new RestConfig.BucketLimit(5, 1_000, false)));
        try (CommandsWorker worker = world.startWorker(new MutableClock())) {
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                ids.add(world.command(world.general, world.plain, "echo", "burst " + i));
            }
            for (int i = 0; i < 12; i++) {
                assertThat(world.awaitReply(world.general, ids.get(i))).isEqualTo("burst " + i);
            }
            List<RestExchange.Recorded> posts = world.requests("POST", "/channels/" + world.general + "/messages");
            assertThat(posts.stream().filter(r -> r.header("user-agent") != null)).hasSize(12);
            assertThat(posts).allMatch(r -> r.status() == 200);
            assertThat(worker.rest().rateLimitedCount()).isZero();
            // 12 replies at 5 per second need at least two window resets.
            assertThat(posts.getLast().atMillis() - posts.getFirst().atMillis()).isGreaterThanOrEqualTo(1_900);
            assertThat(posts.getFirst().header("user-agent")).matches("DiscordBot \\(https?://\\S+, [\\d.]+\\)");
        }
    }

    @Test
    void aGlobal429PausesEveryRoute() throws Exception {
        world.sim.control().setRestConfig(RestConfig.defaults().withGlobal(4, 1_500));
        List<Long> channels = textChannels();
        String a = CacheMirror.id(channels.get(0));
        String b = CacheMirror.id(channels.get(1));
        String guild = CacheMirror.id(world.otherGuild.id());
        try (DiscordRest rest = client(); ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            DiscordApi api = new DiscordApi(rest);
            // Five messages into channel A: the fifth meets the global limit the client did not know about.
            Future<?> burst = pool.submit(() -> {
                for (int i = 0; i < 5; i++) {
                    api.createMessage(a, DiscordApi.message("a" + i), null);
                }
            });
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).until(rest::globallyPaused);
            // Other routes, other buckets: they wait for the pause too instead of meeting 429s of their own.
            Future<?> other = pool.submit(() -> api.createMessage(b, DiscordApi.message("b"), null));
            Future<?> unban = pool.submit(() -> {
                try {
                    api.unban(guild, "123456789012345678", "x");
                } catch (DiscordRestException e) {
                    assertThat(e.code()).isEqualTo(10026); // Unknown Ban: it got through, after the pause
                }
            });
            burst.get();
            other.get();
            unban.get();
        }
        List<RestExchange.Recorded> all = world.sim.control().restRequests();
        List<RestExchange.Recorded> limited = all.stream().filter(r -> r.status() == 429).toList();
        assertThat(limited).hasSize(1);
        long windowEnd = all.getFirst().atMillis() + 1_500;
        long limitedAt = limited.getFirst().atMillis();
        List<RestExchange.Recorded> after = all.stream().filter(r -> r.atMillis() > limitedAt).toList();
        assertThat(after).hasSize(3); // A's retry, B, the unban
        assertThat(after).allMatch(r -> r.atMillis() >= windowEnd - 60, "sent after the pause");
    }

    @Test
    void perRouteAndShared429sAreRetriedAndOnlyPerRouteOnesCountAsInvalid() {
        world.sim.control().setRestConfig(RestConfig.defaults()
                .withBucket("messages", new RestConfig.BucketLimit(1, 800, false))
                .withBucket("bans", new RestConfig.BucketLimit(1, 800, true)));
        String channel = CacheMirror.id(world.general);
        String guild = CacheMirror.id(world.otherGuild.id());
        String user = CacheMirror.id(world.otherGuild.snapshot().members().get(12).userId());
        try (DiscordRest other = client(); DiscordRest rest = client()) {
            // Another process with the same token empties the buckets: this client cannot know, so it meets 429s.
            new DiscordApi(other).createMessage(channel, DiscordApi.message("first"), null);
            new DiscordApi(rest).createMessage(channel, DiscordApi.message("second"), null);
            assertThat(rest.rateLimitedCount()).isEqualTo(1);
            assertThat(rest.invalidRequestCount()).isEqualTo(1);

            new DiscordApi(other).ban(guild, user, "a", 0);
            new DiscordApi(rest).ban(guild, user, "b", 0);
            assertThat(rest.rateLimitedCount()).isEqualTo(2);
            assertThat(rest.invalidRequestCount()).isEqualTo(1); // scope shared does not count
        }
        List<RestExchange.Recorded> limited = world.sim.control().restRequests().stream()
                .filter(r -> r.status() == 429).toList();
        assertThat(limited).hasSize(2);
        world.otherGuild.unban(Long.parseUnsignedLong(user));
    }

    @Test
    void theInvalidRequestCapStopsRequestsBeforeDiscordWould() {
        DiscordRest bad = new DiscordRest(RestOptions.defaults(URI.create(world.sim.apiBaseUrl()), "wrong-token")
                .withInvalidCap(2));
        try (bad) {
            DiscordApi api = new DiscordApi(bad);
            for (int i = 0; i < 2; i++) {
                assertThatThrownBy(() -> api.createMessage(CacheMirror.id(world.general), DiscordApi.message("x"),
                        null)).isInstanceOfSatisfying(DiscordRestException.class, e -> {
                            assertThat(e.kind()).isEqualTo(DiscordRestException.Kind.HTTP);
                            assertThat(e.status()).isEqualTo(401);
                        });
            }
            assertThatThrownBy(() -> api.createMessage(CacheMirror.id(world.general), DiscordApi.message("x"), null))
                    .isInstanceOfSatisfying(DiscordRestException.class,
                            e -> assertThat(e.kind()).isEqualTo(DiscordRestException.Kind.INVALID_REQUEST_CAP));
        }
        assertThat(world.sim.control().restRequests()).hasSize(2);
    }
}
