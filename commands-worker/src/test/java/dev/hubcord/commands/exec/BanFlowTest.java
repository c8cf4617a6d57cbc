package dev.hubcord.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.rest.RestExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Seed 004's {@code ban minemidnight#0001 spamming -t 5h}, end to end: a real hub, the simulated Discord, and an
 * in-process worker whose clock the test moves forward.
 */
class BanFlowTest {

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

    @Test
    void timedBanIsResolvedCheckedBannedRepliedAndLiftedAfterARestart() throws Exception {
        MutableClock clock = new MutableClock();
        Map<String, String> db = Map.of("COMMANDS_DB", dir.resolve("ban.db").toString());
        String guild = CacheMirror.id(world.guild.id());
        String target = CacheMirror.id(world.minemidnight);
        String messageId;
        try (CommandsWorker worker = world.startWorker(clock, db)) {
            messageId = world.command(world.general, world.moderator, "ban", "minemidnight#0001 spamming -t 5h");
            String reply = world.awaitReply(world.general, messageId);
            assertThat(reply).isEqualTo("Banned **minemidnight#0001** for 5h: spamming");

            List<RestExchange.Recorded> bans = world.requests("PUT", "/guilds/" + guild + "/bans/" + target);
            assertThat(bans).hasSize(1);
            assertThat(bans.getFirst().status()).isEqualTo(204);
            String reason = URLDecoder.decode(bans.getFirst().header("X-Audit-Log-Reason"), StandardCharsets.UTF_8);
            assertThat(reason).startsWith("spamming").contains(CacheMirror.id(world.moderator)).contains("5h");
            assertThat(world.guild.banned(world.minemidnight)).isTrue();
            assertThat(worker.timedBans().size()).isEqualTo(1);

            // Four hours later nothing happens.
            clock.advance(Duration.ofHours(4));
            // several lifter passes (every 50 ms) go by, and none unbans
            await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(2))
                    .until(() -> world.requests("DELETE", "/bans/" + target).isEmpty());
        }
        // The worker is gone; another starts later, after the ban fell due, and lifts it.
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        try (CommandsWorker restarted = world.startWorker(clock, db)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !world.guild.banned(world.minemidnight));
            List<RestExchange.Recorded> unbans = world.requests("DELETE", "/guilds/" + guild + "/bans/" + target);
            assertThat(unbans).hasSize(1);
            assertThat(unbans.getFirst().status()).isEqualTo(204);
            assertThat(restarted.timedBans().size()).isZero();

            // The same command delivered again (as after a lost ACK) is acknowledged without banning again.
            ObjectNode again = world.execute(world.general, world.moderator, "ban", "minemidnight#0001 spamming -t 5h",
                    messageId);
            again.put("redelivered", true);
            world.sharder.send("EXECUTE_COMMAND", again);
            await().atMost(Duration.ofSeconds(10)).until(() -> restarted.intake().skipped() == 1);
            assertThat(world.requests("PUT", "/bans/" + target)).hasSize(1);
            assertThat(world.requests("POST", "/channels/" + world.general + "/messages").stream()
                    .filter(r -> r.body().contains(messageId)).count()).isEqualTo(1);
        }
        // Back as a member for the other tests.
        world.sim.control().events().memberAdd(world.guild.id(), world.minemidnight);
        world.mirror(world.guild);
    }
}
