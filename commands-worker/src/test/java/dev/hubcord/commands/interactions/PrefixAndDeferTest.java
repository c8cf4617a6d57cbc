package dev.hubcord.commands.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.rest.SentMessage;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One declaration as a prefix command too (subcommands by their first words); an ephemeral deferral stays so. */
class PrefixAndDeferTest extends WorkerWithSim {


    @Test
    void theSameDeclarationsWorkWithThePrefix() {
        String show = world.command(world.general, world.plain, "config", "show");
        assertThat(world.awaitReply(world.general, show)).isEqualTo("showing");
        String typed = world.command(world.general, world.plain, "types", "hello 3 0.5 yes");
        assertThat(world.awaitReply(world.general, typed)).startsWith("text=hello count=3 ratio=0.5 loud=true who=null");
        String wrong = world.command(world.general, world.plain, "config", "nothing");
        assertThat(world.awaitReply(world.general, wrong)).startsWith("Use one of: `show`, `roles add`.");
        assertThat(worker.registry().find("config").orElseThrow().spec().usage())
                .isEqualTo("config show | config roles add <role>");
        String tooLong = world.command(world.general, world.plain, "types", "x".repeat(21));
        assertThat(world.awaitReply(world.general, tooLong)).startsWith("`text`: Use 1 to 20 characters.");
    }

    @Test
    void aSlashOnlyCommandIgnoresThePrefix() {
        String pick = world.command(world.general, world.plain, "pick", "apple");
        String after = world.command(world.general, world.plain, "config", "show");
        world.awaitReply(world.general, after);
        assertThat(world.reply(world.general, pick)).isEmpty();
    }

    @Test
    void anEphemeralDeferralIsFilledAndFollowedEphemerally() {
        SimEvents.CreatedInteraction i = send.send(2, "hush", Interactions.json("{\"name\":\"hush\",\"type\":1}"));
        JsonNode callback = send.callback(i);
        assertThat(callback.path("type").asInt()).isEqualTo(5);
        assertThat(callback.path("data").path("flags").asInt()).isEqualTo(64);
        send.recorded("PATCH", i.token() + "/messages/@original", 1);
        send.recorded("POST", "/webhooks/", 1);
        List<SentMessage> messages = await().atMost(Duration.ofSeconds(5)).until(() -> world.sim.control().messages()
                .stream().filter(m -> m.content().equals("only you") || m.content().equals("and a follow-up"))
                .toList(), l -> l.size() == 2);
        assertThat(messages).allMatch(SentMessage::ephemeral);
    }
}
