package dev.hubcord.discordsim.rest;

import static dev.hubcord.discordsim.rest.InteractionTypesTest.j;
import static dev.hubcord.discordsim.rest.SimRestFixture.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.hubcord.discordsim.control.SimEvents;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The 3 s and 15 min windows (shortened here) and the bound on remembered interactions. */
class InteractionLifetimeTest {

    @Test
    void anExpiredTokenAnswersUnknownInteractionAndUnknownWebhook() {
        try (SimRestFixture f = new SimRestFixture()) {
            f.sim.control().setRestConfig(f.sim.control().restConfig().withInteractionTimes(3_000, 300));
            long general = f.channel("general");
            SimEvents.CreatedInteraction created = f.sim.control().events().interactionCreate(general,
                    f.guild.members().get(5).userId(), "slow", null);
            RestClient noAuth = new RestClient(f.sim.apiBaseUrl(), null);
            String callback = "/interactions/" + id(created.id()) + "/" + created.token() + "/callback";
            assertThat(noAuth.call("POST", callback, j("{'type':5}")).status()).isEqualTo(204);
            String webhook = "/webhooks/" + id(f.sim.applicationId()) + "/" + created.token();
            assertThat(noAuth.call("POST", webhook, j("{'content':'done'}")).status()).isEqualTo(200);
            await().atMost(Duration.ofSeconds(5)).until(() ->
                    noAuth.call("POST", webhook, j("{'content':'late'}")).json().path("code").asInt() == 10015);
            assertThat(noAuth.call("POST", callback, j("{'type':4,'data':{'content':'x'}}")).json().path("code")
                    .asInt()).as("past the token's lifetime even an acknowledged one is unknown").isEqualTo(10062);
        }
    }

    @Test
    void expiredInteractionsAreForgottenAndTheCountIsCapped() {
        AtomicLong ttl = new AtomicLong(0);
        Interactions interactions = new Interactions(ttl::get);
        interactions.register(1, 10, 20, 30, "a", "s");
        await().atMost(Duration.ofSeconds(2)).until(() -> {
            interactions.register(System.nanoTime(), 10, 20, 30, "b", "s");
            return interactions.byId(1).isEmpty();
        });
        ttl.set(Long.MAX_VALUE);
        for (long i = 0; i <= Interactions.MAX_INTERACTIONS; i++) {
            interactions.register(1_000_000 + i, 10, 20, 30, "c", "s");
        }
        assertThat(interactions.size()).isEqualTo(Interactions.MAX_INTERACTIONS);
        assertThat(interactions.byId(1_000_000)).as("the oldest goes first").isEmpty();
        assertThat(interactions.byId(1_000_000 + Interactions.MAX_INTERACTIONS)).isPresent();
    }
}
