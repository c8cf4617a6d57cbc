package dev.hubcord.commands.registration;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordrest.RestRequest;
import dev.hubcord.discordsim.rest.RestConfig;
import dev.hubcord.protocol.codec.Json;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Start-up registration against the simulated Discord's command routes, with the real hub's lease: the first sync
 * registers everything with one bulk overwrite, the next finds no change, a single difference is one PATCH, and a
 * worker that is not granted the lease sends nothing.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RegistrationTest {

    @TempDir
    static Path dir;
    static World world;
    static String app;
    static String guild;

    @BeforeAll
    static void start() throws Exception {
        // Discord's registration bucket (5 per 20 s) would make the hand-made edit below wait: a roomier one.
        world = World.start(dir, Map.of(), RestConfig.defaults().withBucket("commands",
                new RestConfig.BucketLimit(50, 20_000, false)));
        app = CacheMirror.id(world.sim.applicationId());
        guild = CacheMirror.id(world.guild.id());
    }

    @AfterAll
    static void stop() {
        world.close();
    }

    private static List<RegistrationSync.Outcome> startAndSync() throws Exception {
        try (CommandsWorker worker = world.startWorker(new MutableClock(), Map.of("COMMANDS_REGISTER", "true",
                "COMMANDS_REGISTRATION_GUILDS", guild))) {
            return worker.registration().get(20, TimeUnit.SECONDS);
        }
    }

    private static JsonNode registered(String path) throws Exception {
        try (CommandsWorker worker = world.startWorker(new MutableClock())) {
            return worker.rest().call(RestRequest.of("GET", "/applications/" + app + path + "/commands"));
        }
    }

    private static JsonNode named(JsonNode commands, String name) {
        return StreamSupport.stream(commands.spliterator(), false).filter(c -> c.path("name").asText().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError(name + " not registered: " + commands));
    }

    @Test
    @Order(1)
    void theFirstSyncRegistersEverythingInOneBulkOverwrite() throws Exception {
        List<RegistrationSync.Outcome> outcomes = startAndSync();
        assertThat(outcomes).hasSize(2);
        assertThat(outcomes.get(0).bulk()).isTrue();
        assertThat(outcomes.get(0).created()).isGreaterThan(5);
        assertThat(outcomes.get(1)).isEqualTo(new RegistrationSync.Outcome(guild, 1, 0, 0, false));
        assertThat(world.requests("PUT", "/applications/" + app + "/commands")).hasSize(1);

        JsonNode global = registered("");
        JsonNode types = named(global, "types");
        assertThat(StreamSupport.stream(types.path("options").spliterator(), false)
                .map(o -> o.path("type").asInt()).toList()).containsExactly(3, 4, 10, 5, 6, 7, 8, 9, 11, 3);
        assertThat(types.path("options").path(0).path("max_length").asInt()).isEqualTo(20);
        assertThat(types.path("options").path(1).path("min_value").asInt()).isEqualTo(1);
        assertThat(types.path("options").path(5).path("channel_types").path(0).asInt()).isZero();
        assertThat(types.path("options").path(9).path("choices").size()).isEqualTo(2);
        assertThat(named(global, "pick").path("options").path(0).path("autocomplete").asBoolean()).isTrue();
        assertThat(named(global, "config").path("options").path(1).path("type").asInt()).as("group").isEqualTo(2);
        assertThat(named(global, "High five").path("type").asInt()).isEqualTo(2);
        assertThat(named(global, "Quote").path("type").asInt()).isEqualTo(3);
        assertThat(named(global, "ban").path("options").path(0).path("type").asInt()).as("!ban's user").isEqualTo(6);
        assertThat(StreamSupport.stream(global.spliterator(), false).map(c -> c.path("name").asText()))
                .doesNotContain("guildonly");
        JsonNode scoped = named(registered("/guilds/" + guild), "guildonly");
        assertThat(scoped.path("nsfw").asBoolean()).isTrue();
        assertThat(scoped.path("default_member_permissions").asText()).isEqualTo("32");
        assertThat(scoped.path("name_localizations").path("de").asText()).isEqualTo("nurgilde");
    }

    @Test
    @Order(2)
    void theNextSyncFindsNothingToChange() throws Exception {
        int before = world.sim.control().restRequests().size();
        List<RegistrationSync.Outcome> outcomes = startAndSync();
        assertThat(outcomes).containsExactly(new RegistrationSync.Outcome(null, 0, 0, 0, false),
                new RegistrationSync.Outcome(guild, 0, 0, 0, false));
        assertThat(world.sim.control().restRequests().subList(before, world.sim.control().restRequests().size())
                .stream().filter(r -> !r.method().equals("GET"))).as("only reads").isEmpty();
    }

    @Test
    @Order(3)
    void oneDifferenceIsOnePatch() throws Exception {
        JsonNode ping = named(registered(""), "ping");
        try (CommandsWorker worker = world.startWorker(new MutableClock())) {
            ObjectNode edit = Json.mapper().createObjectNode().put("description", "changed by hand");
            worker.rest().call(RestRequest.of("PATCH", "/applications/" + app + "/commands/"
                    + ping.path("id").asText()).withBody(edit));
        }
        List<RegistrationSync.Outcome> outcomes = startAndSync();
        assertThat(outcomes.getFirst()).isEqualTo(new RegistrationSync.Outcome(null, 0, 1, 0, false));
        assertThat(named(registered(""), "ping").path("description").asText()).isNotEqualTo("changed by hand");
        assertThat(named(registered(""), "ping").path("id")).as("the same command, edited").isEqualTo(ping.path("id"));
    }

    @Test
    @Order(4)
    void aWorkerNotGrantedTheLeaseLeavesTheSyncToTheHolder() throws Exception {
        ObjectNode lease = Json.mapper().createObjectNode().put("name", RegistrationSync.LEASE).put("ttlMs", 60_000);
        JsonNode granted = world.sharder.request("LEASE", lease, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        assertThat(granted.path("granted").asBoolean()).isTrue();
        try {
            int before = world.sim.control().restRequests().size();
            assertThat(startAndSync()).isEmpty();
            assertThat(world.sim.control().restRequests().subList(before, world.sim.control().restRequests().size())
                    .stream().filter(r -> r.path().contains("/commands"))).isEmpty();
        } finally {
            world.sharder.send("LEASE_RELEASE", Json.mapper().createObjectNode().put("name", RegistrationSync.LEASE));
        }
    }
}
