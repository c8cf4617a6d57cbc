package dev.hubcord.commands.discord;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordrest.DiscordRest;
import dev.hubcord.discordrest.DiscordRestException;
import dev.hubcord.discordrest.RestOptions;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.control.SimEvents;
import dev.hubcord.discordsim.population.PopulationConfig;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.rest.RestExchange;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;


/**
 * The client against a simulated Discord that acts at once but answers 1.5 s late, with a 300 ms timeout: what is
 * repeated (and how the repeat is read) and what is not.
 */
class UnknownOutcomeTest {

    private DiscordSim sim;
    private DiscordRest rest;
    private DiscordApi api;
    private SimGuild guild;
    private String channel;

    @BeforeEach
    void start() {
        sim = DiscordSim.start(SimConfig.defaults().withPopulation(PopulationConfig.defaults().withGuilds(1)));
        rest = new DiscordRest(RestOptions.defaults(URI.create(sim.apiBaseUrl()), sim.token())
                .withTimeout(Duration.ofMillis(300), 2));
        api = new DiscordApi(rest);
        guild = sim.population().guilds().getFirst();
        channel = guild.snapshot().channels().stream().filter(c -> c.name().equals("general")).findFirst()
                .map(c -> Long.toUnsignedString(c.id())).orElseThrow();
    }

    @AfterEach
    void stop() {
        rest.close();
        sim.close();
    }

    private List<RestExchange.Recorded> requests(String method, String pathPart) {
        return sim.control().restRequests().stream()
                .filter(r -> r.method().equals(method) && r.path().contains(pathPart)).toList();
    }

    @Test
    void aMessageWithoutANonceIsNotRepeated() {
        sim.control().delayRest("messages", 1_500, 1);
        assertThatThrownBy(() -> api.createMessage(channel, DiscordApi.message("once"), null))
                .isInstanceOfSatisfying(DiscordRestException.class,
                        e -> assertThat(e.kind()).isEqualTo(DiscordRestException.Kind.UNKNOWN_OUTCOME));
        assertThat(requests("POST", "/messages")).hasSize(1);
        assertThat(sim.control().messages()).hasSize(1); // it was posted; only the answer was lost
    }

    @Test
    void aMessageWithANonceIsRepeatedAndDiscordReturnsTheFirst() {
        sim.control().delayRest("messages", 1_500, 1);
        JsonNode message = api.createMessage(channel, DiscordApi.message("once"), null, Nonces.of("t", "reply#0"));
        assertThat(requests("POST", "/messages")).hasSize(2);
        assertThat(sim.control().messages()).singleElement()
                .satisfies(m -> assertThat(Long.toUnsignedString(m.id())).isEqualTo(message.path("id").asText()));
    }

    @Test
    void aRepeatedCallbackMet40060AndThatMeansDone() {
        long user = guild.snapshot().members().get(5).userId();
        SimEvents.CreatedInteraction created = sim.control().events().interactionCreate(Long.parseUnsignedLong(
                channel), user, "x", null);
        sim.control().delayRest("interaction_callback", 1_500, 1);
        api.interactionCallback(Long.toUnsignedString(created.id()), created.token(), 4, DiscordApi.message("hi"));
        List<RestExchange.Recorded> callbacks = requests("POST", "/callback");
        assertThat(callbacks).hasSize(2);
        assertThat(callbacks.getLast().status()).isEqualTo(400);
        assertThat(sim.control().messages()).hasSize(1);
    }

    @Test
    void aRepeatedUnbanMetUnknownBanAndThatMeansDone() {
        long target = guild.snapshot().members().get(7).userId();
        String g = Long.toUnsignedString(guild.id());
        api.ban(g, Long.toUnsignedString(target), "test", 0);
        sim.control().delayRest("bans", 1_500, 1);
        api.unban(g, Long.toUnsignedString(target), "test");
        assertThat(requests("DELETE", "/bans/")).hasSize(2);
        assertThat(guild.banned(target)).isFalse();
        // Without an unknown outcome first, Unknown Ban is an error as ever.
        assertThatThrownBy(() -> api.unban(g, Long.toUnsignedString(target), "again"))
                .isInstanceOfSatisfying(DiscordRestException.class, e -> assertThat(e.code()).isEqualTo(10026));
    }

    @Test
    void aFollowUpIsNotRepeated() {
        long user = guild.snapshot().members().get(5).userId();
        SimEvents.CreatedInteraction created = sim.control().events().interactionCreate(Long.parseUnsignedLong(
                channel), user, "x", null);
        api.interactionCallback(Long.toUnsignedString(created.id()), created.token(), 4, DiscordApi.message("hi"));
        sim.control().delayRest("webhooks", 1_500, 1);
        assertThatThrownBy(() -> api.followUp(Long.toUnsignedString(sim.applicationId()), created.token(),
                DiscordApi.message("more"))).isInstanceOfSatisfying(DiscordRestException.class,
                        e -> assertThat(e.kind()).isEqualTo(DiscordRestException.Kind.UNKNOWN_OUTCOME));
        assertThat(requests("POST", "/webhooks/")).hasSize(1);
    }

    @Test
    void noncesAreShortStableAndDistinct() {
        assertThat(Nonces.of("message:1", "reply#0")).hasSize(25).isEqualTo(Nonces.of("message:1", "reply#0"))
                .isNotEqualTo(Nonces.of("message:1", "reply#1")).isNotEqualTo(Nonces.of("message:2", "reply#0"));
    }
}
