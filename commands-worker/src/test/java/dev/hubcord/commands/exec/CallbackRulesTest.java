package dev.hubcord.commands.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.commands.discord.DiscordApi;
import dev.hubcord.commands.interactions.Reply;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordrest.DiscordRest;
import dev.hubcord.discordrest.RestOptions;
import dev.hubcord.discordsim.control.SimEvents;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A callback type Discord would refuse for the interaction's type is refused before any request. */
class CallbackRulesTest {

    @TempDir
    Path dir;

    @Test
    void componentCallbacksOnACommandInteractionNeverReachDiscord() throws Exception {
        try (World world = World.start(dir); ScheduledExecutorService timers = Executors.newScheduledThreadPool(1);
                DiscordRest rest = new DiscordRest(RestOptions.defaults(java.net.URI.create(world.sim.apiBaseUrl()),
                        world.sim.token()))) {
            SimEvents.CreatedInteraction created = world.sim.control().events().interactionCreate(world.general,
                    world.plain, "echo", com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode());
            var interaction = new CommandRequest.Interaction(CacheMirror.id(created.id()), created.token(),
                    CacheMirror.id(world.sim.applicationId()), 2);
            InteractionResponder responder = new InteractionResponder(new DiscordApi(rest), interaction, false, false,
                    timers, Duration.ofSeconds(2));
            assertThatThrownBy(() -> responder.update(Reply.text("changed"), "update#0"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("Discord does not accept a message update (callback 7) in answer to an application"
                            + " command interaction (type 2)");
            assertThatThrownBy(() -> CallbackRules.check(2, CallbackRules.DEFERRED_UPDATE))
                    .hasMessageContaining("a deferred update (callback 6)");
            assertThatThrownBy(() -> CallbackRules.check(5, CallbackRules.MODAL)).hasMessageContaining("modal submit");
            CallbackRules.check(3, CallbackRules.UPDATE);
            assertThat(world.requests("POST", "/interactions/" + created.id() + "/")).isEmpty();
            responder.reply(Reply.text("fine"), "reply#0");
            assertThat(world.requests("POST", "/interactions/" + created.id() + "/")).hasSize(1);
        }
    }
}
