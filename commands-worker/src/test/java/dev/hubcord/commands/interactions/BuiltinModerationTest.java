package dev.hubcord.commands.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.hubcord.commands.api.CommandSpec;
import dev.hubcord.commands.builtin.BanCommand;
import dev.hubcord.commands.builtin.KickCommand;
import dev.hubcord.commands.builtin.TimeoutCommand;
import dev.hubcord.commands.builtin.UnbanCommand;
import dev.hubcord.commands.registration.CommandJson;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.rest.SentMessage;
import dev.hubcord.protocol.codec.Json;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The built-in moderation commands as interactions, through the simulated Discord's own payloads: {@code /ban}
 * asks with Confirm and Cancel buttons, only the click bans (or does not), the "User info" menu, and the
 * declarations' default member permissions.
 */
class BuiltinModerationTest extends WorkerWithSim {


    private static ArrayNode banOptions(String reason, String time) {
        ArrayNode options = Json.mapper().createArrayNode();
        options.addObject().put("name", "user").put("type", 6).put("value", CacheMirror.id(world.minemidnight));
        options.addObject().put("name", "reason").put("type", 3).put("value", reason);
        if (time != null) {
            options.addObject().put("name", "time").put("type", 3).put("value", time);
        }
        return options;
    }

    /** The ephemeral question of a /ban, once answered. */
    private static SentMessage question(SimEvents.CreatedInteraction ban) {
        return await().atMost(Duration.ofSeconds(10)).until(() -> world.sim.control().messages().stream()
                .filter(m -> m.interactionId() == ban.id()).findFirst(), java.util.Optional::isPresent).orElseThrow();
    }

    private static String button(SentMessage m, String label) {
        for (JsonNode row : m.components()) {
            for (JsonNode b : row.path("components")) {
                if (b.path("label").asText().equals(label)) {
                    return b.path("custom_id").asText();
                }
            }
        }
        throw new AssertionError("no button " + label + " in " + m.components());
    }

    @Test
    void slashBanAsksAndOnlyConfirmBans() {
        SimEvents.CreatedInteraction ban = send.forward(user.chatInput(world.general, world.moderator, "ban",
                banOptions("spamming", "5h")));
        JsonNode callback = send.callback(ban);
        assertThat(callback.path("type").asInt()).isEqualTo(4);
        assertThat(callback.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(callback.path("data").path("content").asText())
                .isEqualTo("Ban **minemidnight** for 5h: spamming?");
        SentMessage asked = question(ban);
        assertThat(button(asked, "Confirm")).isEqualTo("ban:y:" + CacheMirror.id(world.minemidnight)
                + ":18000:spamming");
        assertThat(world.requests("PUT", "/bans/")).isEmpty();

        // Cancel: nothing happens but the message
        SimEvents.CreatedInteraction cancel = send.forward(user.component(asked.id(), world.moderator,
                button(asked, "Cancel"), List.of()));
        assertThat(send.callback(cancel).path("type").asInt()).isEqualTo(7);
        assertThat(send.callback(cancel).path("data").path("content").asText())
                .isEqualTo("Cancelled: <@" + CacheMirror.id(world.minemidnight) + "> was not banned.");
        assertThat(world.guild.banned(world.minemidnight)).isFalse();

        // Asked again, confirmed: banned, the lift stored, the question updated and its buttons greyed out
        SimEvents.CreatedInteraction again = send.forward(user.chatInput(world.general, world.moderator, "ban",
                banOptions("spamming", "5h")));
        SentMessage second = question(again);
        SimEvents.CreatedInteraction confirm = send.forward(user.component(second.id(), world.moderator,
                button(second, "Confirm"), List.of()));
        JsonNode update = send.callback(confirm);
        assertThat(update.path("type").asInt()).isEqualTo(7);
        assertThat(update.path("data").path("content").asText())
                .isEqualTo("Banned <@" + CacheMirror.id(world.minemidnight) + "> for 5h: spamming");
        assertThat(update.path("data").path("components").get(0).path("components").get(0).path("disabled")
                .asBoolean()).isTrue();
        await().atMost(Duration.ofSeconds(10)).until(() -> world.guild.banned(world.minemidnight));
        assertThat(world.requests("PUT", "/bans/" + CacheMirror.id(world.minemidnight))).hasSize(1);
        assertThat(worker.timedBans().size()).isEqualTo(1);
        // the greyed-out buttons cannot be clicked again (the simulator refuses a disabled component)
        assertThat(world.sim.control().messages().stream().filter(m -> m.id() == second.id()).findFirst()
                .orElseThrow().content()).startsWith("Banned");
    }

    @Test
    void aLongReasonIsCutToFitTheCustomId() {
        String reason = "x".repeat(300);
        SimEvents.CreatedInteraction ban = send.forward(user.chatInput(world.general, world.moderator, "ban",
                banOptions(reason, null)));
        SentMessage asked = question(ban);
        String confirm = button(asked, "Confirm");
        assertThat(confirm).hasSize(100).startsWith("ban:y:" + CacheMirror.id(world.minemidnight) + "::xxx");
        // the question shows the reason the ban will carry
        assertThat(asked.content()).endsWith(": " + confirm.substring(confirm.lastIndexOf(':') + 1) + "?");
    }

    @Test
    void userInfoMenuAnswersPrivately() {
        SimEvents.CreatedInteraction info = send.forward(user.userCommand(world.general, world.plain, "User info",
                world.minemidnight));
        JsonNode callback = send.callback(info);
        assertThat(callback.path("data").path("flags").asInt() & 64).isEqualTo(64);
        assertThat(callback.path("data").path("content").asText()).startsWith("**minemidnight**\n")
                .contains("ID: " + CacheMirror.id(world.minemidnight));
    }

    @Test
    void moderationDeclaresDefaultMemberPermissions() {
        assertThat(permissions(new BanCommand().spec())).isEqualTo("4");
        assertThat(permissions(new UnbanCommand().spec())).isEqualTo("4");
        assertThat(permissions(new KickCommand().spec())).isEqualTo("2");
        assertThat(permissions(new TimeoutCommand().spec())).isEqualTo(Long.toString(1L << 40));
    }

    private static String permissions(CommandSpec spec) {
        return CommandJson.of(spec).path("default_member_permissions").asText();
    }
}
