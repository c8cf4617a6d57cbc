package dev.hubcord.commands.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.commands.CommandsWorker;
import dev.hubcord.commands.testing.MutableClock;
import dev.hubcord.commands.testing.TestModule;
import dev.hubcord.commands.testing.World;
import dev.hubcord.protocol.codec.Json;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DISPATCH events through the real hub to the listeners the test module declares. */
class EventsTest {

    @TempDir
    static Path dir;
    static World world;
    static CommandsWorker worker;

    @BeforeAll
    static void start() throws Exception {
        world = World.start(dir);
        worker = world.startWorker(new MutableClock());
    }

    @AfterAll
    static void stop() {
        worker.close();
        world.close();
    }

    private static void dispatch(String t, String d) {
        ObjectNode event = Json.mapper().createObjectNode().put("shard", 0).put("t", t);
        event.set("d", World.json(d));
        world.sharder.send("DISPATCH", event);
    }

    @Test
    void theSubscriptionsAreTheListenersEvents() {
        assertThat(worker.events().subscriptions()).containsExactlyInAnyOrder("GUILD_MEMBER_ADD",
                "MESSAGE_REACTION_ADD");
    }

    @Test
    void aTypedEventReachesItsListenerAndIsAcknowledged() {
        long before = worker.events().handled();
        dispatch("GUILD_MEMBER_ADD", """
                {"guild_id":"5","user":{"id":"77","username":"newbie"},"roles":["1"],"joined_at":"2026-01-01T00:00:00Z"}""");
        await().atMost(Duration.ofSeconds(10)).until(() -> worker.events().handled() > before);
        GatewayEvent.MemberJoin join = TestModule.SEEN.stream().filter(e -> e instanceof GatewayEvent.MemberJoin)
                .map(GatewayEvent.MemberJoin.class::cast).filter(e -> e.member().id().equals("77")).findFirst()
                .orElseThrow();
        assertThat(join.guildId()).isEqualTo("5");
        assertThat(join.member().user().username()).isEqualTo("newbie");
        assertThat(join.member().roles()).containsExactly("1");
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.hubClient().unacknowledged() == 0);
    }

    @Test
    void aThrowingListenerIsCountedAndTheEventStillAcknowledged() {
        long failures = worker.events().failures();
        dispatch("MESSAGE_REACTION_ADD", """
                {"user_id":"8","message_id":"9","channel_id":"6","guild_id":"5","emoji":{"id":null,"name":"👍"}}""");
        await().atMost(Duration.ofSeconds(10)).until(() -> worker.events().failures() > failures);
        assertThat(TestModule.SEEN).anyMatch(e -> e instanceof GatewayEvent.ReactionAdd r && r.emoji().equals("👍")
                && r.messageId().equals("9"));
        await().atMost(Duration.ofSeconds(5)).until(() -> worker.hubClient().unacknowledged() == 0);
    }
}
