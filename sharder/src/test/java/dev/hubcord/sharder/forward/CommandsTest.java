package dev.hubcord.sharder.forward;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.Json;
import org.junit.jupiter.api.Test;

class CommandsTest {

    private static ObjectNode message(String content, boolean bot) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("id", "479455578708639755");
        m.put("channel_id", "254770965018443776");
        m.put("guild_id", "254768930223161344");
        m.put("content", content);
        m.putObject("author").put("id", "155112606661607425").put("bot", bot);
        return m;
    }

    @Test
    void prefixedMessageBecomesTheSeedsExecuteCommand() throws Exception {
        ObjectNode d = Commands.fromMessage(message("!ban minemidnight#0001 spamming -t 5h", false), "!", null, 1);
        assertThat(d).isEqualTo(Json.mapper().readTree("""
                {"command":"ban","raw":"minemidnight#0001 spamming -t 5h","ids":{"message":"479455578708639755",
                 "author":"155112606661607425","channel":"254770965018443776","guild":"254768930223161344","shard":1}}"""));
    }

    @Test
    void mentionOfTheBotWorksLikeThePrefix() {
        ObjectNode d = Commands.fromMessage(message("<@42>  PING   now", false), "!", "42", 0);
        assertThat(d.path("command").asText()).isEqualTo("ping");
        assertThat(d.path("raw").asText()).isEqualTo("now");
        assertThat(Commands.fromMessage(message("<@!42> help", false), "!", "42", 0).path("command").asText())
                .isEqualTo("help");
    }

    @Test
    void notCommands() {
        assertThat(Commands.fromMessage(message("hello !ban", false), "!", "42", 0)).isNull();
        assertThat(Commands.fromMessage(message("!", false), "!", "42", 0)).isNull();
        assertThat(Commands.fromMessage(message("!ban x", true), "!", "42", 0)).as("bots are ignored").isNull();
        assertThat(Commands.fromMessage(message("<@43> ban", false), "!", "42", 0)).isNull();
        ObjectNode webhook = message("!ban x", false);
        webhook.put("webhook_id", "1");
        assertThat(Commands.fromMessage(webhook, "!", "42", 0)).isNull();
    }

    @Test
    void slashCommandCarriesTheWholeInteractionAsRaw() throws Exception {
        JsonNode interaction = Json.mapper().readTree("""
                {"id":"9","application_id":"7","type":2,"token":"tok","guild_id":"5","channel_id":"6",
                 "member":{"user":{"id":"8"}},
                 "data":{"name":"Mod","options":[{"name":"ban","type":1,"options":[
                   {"name":"user","type":6,"value":"123"},{"name":"reason","type":3,"value":"spamming a lot"},
                   {"name":"days","type":4,"value":5}]}],
                   "resolved":{"users":{"123":{"id":"123","username":"x"}}}}}""");
        ObjectNode d = Commands.fromInteraction(interaction, 2);
        assertThat(d.path("command").asText()).isEqualTo("mod");
        assertThat(d.path("raw")).isEqualTo(interaction);
        assertThat(d.path("ids").path("message").isNull()).isTrue();
        assertThat(d.path("ids").path("author").asText()).isEqualTo("8");
        assertThat(d.path("ids").path("shard").asInt()).isEqualTo(2);
        assertThat(d.path("interaction")).isEqualTo(Json.mapper().readTree(
                "{\"id\":\"9\",\"token\":\"tok\",\"applicationID\":\"7\",\"type\":2}"));
        assertThat(d.path("options")).isEqualTo(interaction.path("data").path("options"));
    }

    @Test
    void everyInteractionTypeABotAnswersIsForwarded() throws Exception {
        String base = """
                {"id":"9","application_id":"7","type":%d,"token":"tok","channel_id":"6","user":{"id":"8"},
                 "data":%s}""";
        ObjectNode autocomplete = Commands.fromInteraction(Json.mapper().readTree(base.formatted(4,
                "{\"name\":\"play\",\"options\":[{\"name\":\"q\",\"type\":3,\"value\":\"ab\",\"focused\":true}]}")), 0);
        assertThat(autocomplete.path("command").asText()).isEqualTo("play");
        assertThat(autocomplete.path("interaction").path("type").asInt()).isEqualTo(4);
        assertThat(autocomplete.path("ids").path("author").asText()).as("a DM: user, not member").isEqualTo("8");
        ObjectNode button = Commands.fromInteraction(Json.mapper().readTree(base.formatted(3,
                "{\"custom_id\":\"Vote:Yes\",\"component_type\":2}")), 0);
        assertThat(button.path("command").asText()).as("custom IDs keep their case").isEqualTo("Vote:Yes");
        assertThat(button.path("interaction").path("type").asInt()).isEqualTo(3);
        ObjectNode modal = Commands.fromInteraction(Json.mapper().readTree(base.formatted(5,
                "{\"custom_id\":\"feedback\",\"components\":[]}")), 0);
        assertThat(modal.path("command").asText()).isEqualTo("feedback");
        assertThat(modal.path("raw").path("data").path("custom_id").asText()).isEqualTo("feedback");
        ObjectNode userMenu = Commands.fromInteraction(Json.mapper().readTree(base.formatted(2,
                "{\"name\":\"High five\",\"type\":2,\"target_id\":\"3\"}")), 0);
        assertThat(userMenu.path("command").asText()).isEqualTo("high five");
        assertThat(Commands.fromInteraction(Json.mapper().readTree(base.formatted(1, "{}")), 0)).as("ping")
                .isNull();
        assertThat(Commands.fromInteraction(Json.mapper().readTree(base.formatted(3, "{}")), 0))
                .as("no custom_id").isNull();
    }
}
