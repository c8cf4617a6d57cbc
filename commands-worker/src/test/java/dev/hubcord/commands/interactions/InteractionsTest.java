package dev.hubcord.commands.interactions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.commands.testing.CacheMirror;
import dev.hubcord.commands.testing.World;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.rest.RestExchange;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every interaction type through a real hub to a worker answering the simulated Discord: components routed by
 * custom ID, selects, modal submits, autocomplete, context menus, and the error paths.
 */
class InteractionsTest extends WorkerWithSim {


    private static JsonNode data(String json) {
        return Interactions.json(json);
    }

    @Test
    void aButtonIsRoutedByItsCustomIdAndUpdatesTheMessage() {
        SimEvents.CreatedInteraction i = send.send(3, "vote:yes",
                data("{\"custom_id\":\"vote:yes\",\"component_type\":2}"));
        JsonNode callback = send.callback(i);
        assertThat(callback.path("type").asInt()).as("update message").isEqualTo(7);
        assertThat(callback.path("data").path("content").asText()).isEqualTo("votes for yes");
    }

    @Test
    void aSelectGetsItsValues() {
        SimEvents.CreatedInteraction i = send.send(3, "choose",
                data("{\"custom_id\":\"choose\",\"component_type\":3,\"values\":[\"a\",\"b\"]}"));
        JsonNode callback = send.callback(i);
        assertThat(callback.path("type").asInt()).isEqualTo(4);
        assertThat(callback.path("data").path("content").asText()).isEqualTo("chose a,b");
        assertThat(callback.path("data").path("flags").asInt()).isEqualTo(64);
    }

    @Test
    void aModalSubmitGetsItsTextValuesByCustomId() {
        SimEvents.CreatedInteraction i = send.send(5, "feedback:42", data("""
                {"custom_id":"feedback:42","components":[{"type":1,"components":[
                  {"type":4,"custom_id":"subject","value":"the music"}]}]}"""));
        JsonNode callback = send.callback(i);
        assertThat(callback.path("data").path("content").asText()).isEqualTo("thanks for 42: the music");
        assertThat(callback.path("data").path("flags").asInt()).isEqualTo(64);
    }

    @Test
    void aCommandOpensAModal() {
        SimEvents.CreatedInteraction i = send.send(2, "ask", data("{\"name\":\"ask\",\"type\":1}"));
        JsonNode callback = send.callback(i);
        assertThat(callback.path("type").asInt()).isEqualTo(9);
        assertThat(callback.path("data").path("custom_id").asText()).isEqualTo("feedback:42");
        assertThat(callback.path("data").path("components").path(0).path("components").path(0).path("custom_id")
                .asText()).isEqualTo("subject");
    }

    @Test
    void anUnknownCustomIdIsAnsweredNotLeftToExpire() {
        SimEvents.CreatedInteraction i = send.send(3, "gone:1", data("{\"custom_id\":\"gone:1\",\"component_type\":2}"));
        JsonNode callback = send.callback(i);
        assertThat(callback.path("type").asInt()).isEqualTo(4);
        assertThat(callback.path("data").path("content").asText()).isEqualTo("This button is no longer supported.");
        assertThat(callback.path("data").path("flags").asInt()).isEqualTo(64);
        SimEvents.CreatedInteraction odd = send.send(3, "not our scheme!",
                data("{\"custom_id\":\"not our scheme!\",\"component_type\":2}"));
        assertThat(send.callback(odd).path("data").path("content").asText())
                .isEqualTo("This button is no longer supported.");
    }

    @Test
    void aThrowingHandlerGetsAnEphemeralErrorAndAQuietOneADeferredUpdate() {
        SimEvents.CreatedInteraction i = send.send(3, "boom", data("{\"custom_id\":\"boom\",\"component_type\":2}"));
        JsonNode callback = send.callback(i);
        assertThat(callback.path("data").path("content").asText())
                .isEqualTo("Something went wrong handling that. It has been logged.");
        assertThat(callback.path("data").path("flags").asInt()).isEqualTo(64);
        SimEvents.CreatedInteraction quiet = send.send(3, "quiet",
                data("{\"custom_id\":\"quiet\",\"component_type\":2}"));
        assertThat(send.callback(quiet).path("type").asInt()).as("acknowledged, nothing changes").isEqualTo(6);
        SimEvents.CreatedInteraction quietModal = send.send(5, "quiet", data("{\"custom_id\":\"quiet\"}"));
        JsonNode done = send.callback(quietModal);
        assertThat(done.path("type").asInt()).as("a slash command's modal has no message to update").isEqualTo(4);
        assertThat(done.path("data").path("content").asText()).isEqualTo("Done.");
    }

    @Test
    void autocompleteSuggestsAtMost25TypedChoices() {
        SimEvents.CreatedInteraction i = send.send(4, "pick", data("""
                {"name":"pick","type":1,"options":[{"name":"fruit","type":3,"value":"ap","focused":true}]}"""));
        JsonNode callback = send.callback(i);
        assertThat(callback.path("type").asInt()).isEqualTo(8);
        assertThat(callback.path("data").path("choices")).hasSize(25);
        assertThat(callback.path("data").path("choices").path(0).path("value").asText()).isEqualTo("ap0");
        SimEvents.CreatedInteraction n = send.send(4, "pick", data("""
                {"name":"pick","type":1,"options":[{"name":"fruit","type":3,"value":"x"},
                 {"name":"n","type":4,"value":"41","focused":true}]}"""));
        JsonNode number = send.callback(n).path("data").path("choices").path(0);
        assertThat(number.path("value").isIntegralNumber()).as("typed as the option").isTrue();
        assertThat(number.path("value").asLong()).isEqualTo(42);
    }

    @Test
    void contextMenusGetTheirTargets() {
        String mm = CacheMirror.id(world.minemidnight);
        SimEvents.CreatedInteraction user = send.send(2, "high five", data("""
                {"name":"High five","type":2,"target_id":"%s","resolved":{"users":{"%s":
                  {"id":"%s","username":"minemidnight","discriminator":"0001"}}}}""".formatted(mm, mm, mm)));
        assertThat(send.callback(user).path("data").path("content").asText()).isEqualTo("high five to minemidnight");
        SimEvents.CreatedInteraction message = send.send(2, "quote", data("""
                {"name":"Quote","type":3,"target_id":"77","resolved":{"messages":{"77":
                  {"id":"77","content":"well said"}}}}"""));
        assertThat(send.callback(message).path("data").path("content").asText()).isEqualTo("> well said");
    }

    @Test
    void subcommandsAndGroupsReachTheirHandlers() {
        SimEvents.CreatedInteraction show = send.send(2, "config", data("""
                {"name":"config","type":1,"options":[{"name":"show","type":1,"options":[]}]}"""));
        assertThat(send.callback(show).path("data").path("content").asText()).isEqualTo("showing");
        SimEvents.CreatedInteraction add = send.send(2, "config", data("""
                {"name":"config","type":1,"options":[{"name":"roles","type":2,"options":[{"name":"add","type":1,
                 "options":[{"name":"role","type":8,"value":"555"}]}]}],
                 "resolved":{"roles":{"555":{"id":"555","name":"mods","color":0,"position":1,"permissions":"0"}}}}"""));
        assertThat(send.callback(add).path("data").path("content").asText()).isEqualTo("added mods");
    }

    @Test
    void everyOptionTypeArrivesTypedFromResolved() {
        String mm = CacheMirror.id(world.minemidnight);
        String general = CacheMirror.id(world.general);
        SimEvents.CreatedInteraction i = send.send(2, "types", data("""
                {"name":"types","type":1,"options":[
                  {"name":"text","type":3,"value":"hello"},{"name":"count","type":4,"value":3},
                  {"name":"ratio","type":10,"value":0.5},{"name":"loud","type":5,"value":true},
                  {"name":"who","type":6,"value":"%s"},{"name":"where","type":7,"value":"%s"},
                  {"name":"role","type":8,"value":"555"},{"name":"thing","type":9,"value":"555"},
                  {"name":"file","type":11,"value":"900"},{"name":"size","type":3,"value":"l"}],
                 "resolved":{"users":{"%s":{"id":"%s","username":"minemidnight"}},
                   "channels":{"%s":{"id":"%s","name":"general","type":0}},
                   "roles":{"555":{"id":"555","name":"mods"}},
                   "attachments":{"900":{"id":"900","filename":"cat.png","size":10,"url":"https://x/cat.png"}}}}"""
                .formatted(mm, general, mm, mm, general, general)));
        assertThat(send.callback(i).path("data").path("content").asText()).isEqualTo("text=hello count=3 ratio=0.5"
                + " loud=true who=minemidnight where=general role=mods thing=Role:555 file=cat.png size=l");
    }

    @Test
    void optionValuesOfTheWrongTypeAreRefusedWithAClearMessage() {
        SimEvents.CreatedInteraction i = send.send(2, "types", data("""
                {"name":"types","type":1,"options":[{"name":"text","type":3,"value":"x"},
                 {"name":"count","type":4,"value":"three"}]}"""));
        JsonNode callback = send.callback(i);
        assertThat(callback.path("data").path("content").asText()).startsWith("`count`: `\"three\"` is not a valid"
                + " integer value.");
        assertThat(callback.path("data").path("flags").asInt()).isEqualTo(64);
        SimEvents.CreatedInteraction wrongType = send.send(2, "types", data("""
                {"name":"types","type":1,"options":[{"name":"text","type":4,"value":5}]}"""));
        assertThat(send.callback(wrongType).path("data").path("content").asText())
                .contains("came as option type 4, but it is declared as string (3)");
        SimEvents.CreatedInteraction badChoice = send.send(2, "types", data("""
                {"name":"types","type":1,"options":[{"name":"text","type":3,"value":"x"},
                 {"name":"size","type":3,"value":"xl"}]}"""));
        assertThat(send.callback(badChoice).path("data").path("content").asText())
                .contains("Choose one of: `s`, `l`.");
    }

    @Test
    void anExpiredInteractionIsNotAnsweredAndTheCommandIsAcknowledged() {
        var config = world.sim.control().restConfig();
        world.sim.control().setRestConfig(config.withInteractionTimes(0, config.interactionTokenTtlMs()));
        try {
            SimEvents.CreatedInteraction i = send.send(3, "vote:no",
                    data("{\"custom_id\":\"vote:no\",\"component_type\":2}"));
            List<RestExchange.Recorded> calls = send.recorded("POST", "/interactions/" + i.id() + "/", 1);
            assertThat(calls.getFirst().status()).isEqualTo(404);
            assertThat(World.json(calls.getFirst().body()).path("type").asInt()).isEqualTo(7);
            await().atMost(Duration.ofSeconds(5)).until(() -> worker.intake().inFlight() == 0);
            assertThat(world.requests("POST", "/interactions/" + i.id() + "/")).as("not tried again").hasSize(1);
        } finally {
            world.sim.control().setRestConfig(config);
        }
    }
}
