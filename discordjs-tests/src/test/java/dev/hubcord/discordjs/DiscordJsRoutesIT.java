package dev.hubcord.discordjs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.rest.SentMessage;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * discord.js calling the simulated Discord's other routes (itself, its application, channels, messages, reactions,
 * typing, member roles, global command registration) and reading its payload shapes (rich embeds, type 20
 * interaction answers).
 */
class DiscordJsRoutesIT {

    private static final Duration SCENARIO_TIMEOUT = Duration.ofSeconds(60);

    private DiscordSim sim;
    private SimPicks picks;

    @BeforeEach
    void startSim() {
        sim = SimPicks.startSim();
        picks = new SimPicks(sim);
    }

    @AfterEach
    void stopSim() {
        sim.close();
    }

    private NodeScenario run(String scenario, Map<String, String> extra) {
        return NodeScenario.start(sim, scenario, extra);
    }

    @Test
    void fetchesItselfAndItsApplication() {
        try (NodeScenario node = run("routes", Map.of("STEPS", "self"))) {
            node.awaitPass(SCENARIO_TIMEOUT);
            JsonNode self = node.event("step");
            assertThat(self.path("user").asText()).isEqualTo(Long.toString(picks.botId()));
            assertThat(self.path("application").asText()).isNotBlank();
        }
    }

    @Test
    void fetchesEditsReactsAndDeletesAMessage() {
        long channel = picks.writableChannel(picks.guildOfShard(0));
        try (NodeScenario node = run("routes", Map.of("STEPS", "messages", "CHANNEL_ID", Long.toString(channel)))) {
            node.awaitPass(SCENARIO_TIMEOUT);
            JsonNode step = node.event("step");
            assertThat(step.path("channel").asText()).isEqualTo(Long.toString(channel));
            assertThat(step.path("content").asText()).isEqualTo("edited");
            SentMessage message = sim.control().messages().stream()
                    .filter(m -> m.id() == step.path("message").asLong()).findFirst().orElseThrow();
            assertThat(message.history()).containsExactly("to edit");
            assertThat(message.deleted()).isTrue();
        }
        assertThat(sim.control().restRequests()).anyMatch(r -> r.method().equals("PUT")
                && r.path().contains("/reactions/") && r.status() == 204);
    }

    @Test
    void uploadsAFileAndDownloadsItFromTheAttachmentUrl() {
        long channel = picks.writableChannel(picks.guildOfShard(0));
        try (NodeScenario node = run("routes", Map.of("STEPS", "files", "CHANNEL_ID", Long.toString(channel)))) {
            node.awaitPass(SCENARIO_TIMEOUT);
            JsonNode step = node.event("step");
            assertThat(step.path("name").asText()).isEqualTo("djs.txt");
            assertThat(step.path("size").asInt()).isEqualTo("bytes from discord.js".length());
            assertThat(step.path("downloaded").asText()).isEqualTo("bytes from discord.js");
            SentMessage message = sim.control().messages().stream()
                    .filter(m -> m.id() == step.path("message").asLong()).findFirst().orElseThrow();
            assertThat(message.attachments().path(0).path("filename").asText()).isEqualTo("djs.txt");
        }
    }

    @Test
    void registersCommands() {
        long before = System.currentTimeMillis();
        try (NodeScenario node = run("routes", Map.of("STEPS", "commands"))) {
            node.awaitPass(SCENARIO_TIMEOUT);
            JsonNode step = node.event("step");
            assertThat(step.path("registered")).hasSize(2);
            assertThat(step.path("fetched")).hasSize(2);
            // snowflakes that decode to the time of registration
            for (JsonNode id : step.path("registered")) {
                long millis = dev.hubcord.discordsim.population.Snowflakes.timestampMillis(id.asLong());
                assertThat(millis).isBetween(before - 1_000, System.currentTimeMillis() + 1_000);
            }
        }
    }

    @Test
    void addsAndRemovesARole() {
        SimGuild guild = picks.guildOfShard(1);
        long user = picks.someUser(guild);
        long role = picks.assignableRole(guild);
        try (NodeScenario node = run("routes", Map.of("STEPS", "roles", "GUILD_ID", Long.toString(guild.id()),
                "ROLE_USER", Long.toString(user), "ROLE_ID", Long.toString(role)))) {
            node.awaitPass(SCENARIO_TIMEOUT);
        }
        assertThat(sim.control().restRequests()).anyMatch(r -> r.method().equals("PUT")
                && r.path().endsWith("/members/" + user + "/roles/" + role) && r.status() == 204);
        assertThat(guild.member(user).orElseThrow().roles()).doesNotContain(role);
    }

    @Test
    void embedsAreRichAndInteractionAnswersAreType20() {
        SimGuild guild = picks.guildOfShard(0);
        long channel = picks.writableChannel(guild);
        long user = picks.someUser(guild);
        try (NodeScenario node = run("shapes", Map.of())) {
            node.awaitReady();
            sim.control().events().messageCreate(channel, user, "!embed");
            assertThat(node.awaitEvent("embedType", SCENARIO_TIMEOUT).path("embedType").asText()).isEqualTo("rich");
            var interaction = sim.control().events().interactionCreate(channel, user, "slow",
                    JsonNodeFactory.instance.arrayNode());
            node.awaitPass(SCENARIO_TIMEOUT);
            JsonNode answered = node.event("interaction");
            for (String message : new String[] {"response", "followUp"}) {
                assertThat(answered.path(message).path("type").asInt()).as(message).isEqualTo(20);
                assertThat(answered.path(message).path("metadata").asText()).as(message)
                        .isEqualTo(Long.toString(interaction.id()));
            }
        }
    }
}
