package dev.hubcord.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.population.SimRole;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a command can go wrong gets a short reply, and the worker goes on serving. */
class CommandFailuresTest {

    @TempDir
    static Path dir;
    static World world;
    static CommandsWorker worker;

    @BeforeAll
    static void start() throws Exception {
        // Roomy message buckets: this test is about replies, not about waiting for Discord's limits.
        world = World.start(dir, java.util.Map.of(), dev.hubcord.discordsim.rest.RestConfig.defaults()
                .withBucket("messages", new dev.hubcord.discordsim.rest.RestConfig.BucketLimit(50, 1_000, false)));
        worker = world.startWorker(new MutableClock());
    }

    @AfterAll
    static void stop() {
        worker.close();
        world.close();
    }

    private String run(long author, String command, String raw) {
        return world.awaitReply(world.general, world.command(world.general, author, command, raw));
    }

    @Test
    void badArgumentsGetTheProblemAndTheUsage() {
        assertThat(run(world.moderator, "ban", "")).isEqualTo(
                "Missing `<user>`.\nUsage: `ban <user> [reason...] [-t duration]`");
        assertThat(run(world.moderator, "ban", "minemidnight#0001 spam -t 5x"))
                .startsWith("`time`: `5x` is not a duration").endsWith("Usage: `ban <user> [reason...] [-t duration]`");
        assertThat(run(world.moderator, "ban", "minemidnight#0001 -x 1")).startsWith("`-x` is not a flag of `ban`.");
        assertThat(run(world.moderator, "ban", "\"minemidnight#0001 spam")).startsWith("A quote (\") is never closed.");
        assertThat(run(world.moderator, "volume", "900")).startsWith("`volume`: `900` is out of range: use 0 to 200.");
        assertThat(world.requests("PUT", "/bans/")).isEmpty();
    }

    @Test
    void anUnknownUserIsNamed() {
        assertThat(run(world.moderator, "ban", "nobody#1234 spam"))
                .startsWith("`user`: I can't find a member called `nobody#1234` in this server.");
        assertThat(run(world.moderator, "ban", "<@123456789012345678>"))
                .startsWith("`user`: I can't find a user with ID `123456789012345678`.");
    }

    @Test
    void missingPermissionsAreNamedForTheInvokerAndForTheBot() {
        assertThat(run(world.plain, "ban", "minemidnight#0001 spam"))
                .isEqualTo("You need the **Ban Members** permission to use `ban`.");
        assertThat(run(world.plain, "timeout", "minemidnight#0001 5m"))
                .isEqualTo("You need the **Timeout Members** permission to use `timeout`.");

        // In the other guild the hub's cache says the bot's role lost BAN_MEMBERS.
        SimGuild.Snapshot other = world.otherGuild.snapshot();
        SimRole botRole = other.roles().stream().filter(r -> r.botId() != 0).findFirst().orElseThrow();
        world.sharder.sendCache(CacheMirror.role(other.id(), botRole.withPermissions(botRole.permissions() & ~4L)));
        long channel = other.channels().stream().filter(c -> c.name().equals("general")).findFirst()
                .map(SimChannel::id).orElseThrow();
        long mod = other.members().get(3).userId();
        org.awaitility.Awaitility.await().until(() -> (world.hubApi.permissions(CacheMirror.id(other.id()),
                CacheMirror.id(world.sim.population().bot().id()), null).orElseThrow() & 4L) == 0);
        String id = world.command(channel, mod, "ban", CacheMirror.id(other.members().get(9).userId()));
        assertThat(world.awaitReply(channel, id)).isEqualTo("I need the **Ban Members** permission here to do that.");
        assertThat(world.requests("PUT", "/bans/")).isEmpty();
    }

    @Test
    void anExceptionGetsAGenericReplyAndTheWorkerGoesOn() {
        assertThat(run(world.plain, "boom", "")).isEqualTo("Something went wrong running `boom`. It has been logged.");
        assertThat(run(world.plain, "echo", "still \"here and\" well")).isEqualTo("still here and well");
        assertThat(run(world.plain, "help", "ban")).contains("Usage: `ban <user> [reason...] [-t duration]`")
                .contains("You need: Ban Members");
    }

    @Test
    void cacheCommandsAnswerFromTheHub() {
        assertThat(run(world.plain, "userinfo", "minemidnight#0001")).startsWith("**minemidnight#0001**")
                .contains("ID: " + world.minemidnight);
        assertThat(run(world.plain, "serverinfo", "")).contains("ID: " + world.guild.id())
                .contains("Owner: <@" + world.owner + ">").contains("Members: ");
        assertThat(run(world.plain, "ping", "")).matches("Pong! Hub: \\d+ ms, Discord REST: \\d+ ms\\.");
        assertThat(run(world.plain, "ping", "")).startsWith("Slow down: you can use `ping` again in ");
    }

    @Test
    void anUnknownPrefixCommandIsIgnoredButAcknowledged() {
        String id = world.command(world.general, world.plain, "nosuchcommand", "x");
        String after = run(world.plain, "echo", "next");
        assertThat(after).isEqualTo("next");
        assertThat(world.reply(world.general, id)).isEmpty();
        org.awaitility.Awaitility.await().until(() -> worker.hubClient().unacknowledged() == 0);
    }
}
