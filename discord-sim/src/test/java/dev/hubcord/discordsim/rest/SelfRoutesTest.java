package dev.hubcord.discordsim.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.support.Sims;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a library asks about itself at start-up: its user and its application. */
class SelfRoutesTest {

    private DiscordSim sim;
    private RestClient rest;

    @BeforeEach
    void start() {
        sim = Sims.start();
        rest = new RestClient(sim.apiBaseUrl(), sim.token());
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    @Test
    void usersMeIsTheBotWithItsOwnKeys() {
        RestClient.Result r = rest.call("GET", "/users/@me", null);
        assertEquals(200, r.status());
        JsonNode me = r.json();
        assertEquals(Long.toUnsignedString(sim.population().bot().id()), me.path("id").asText());
        assertTrue(me.path("bot").asBoolean());
        assertTrue(me.has("verified") && me.has("mfa_enabled") && me.has("flags"), me.toString());
        assertTrue(r.response().headers().firstValue("X-RateLimit-Bucket").isPresent(), "users bucket headers");
        // the template users/{user_id} must not swallow @me
        assertEquals(200, rest.call("GET", "/users/" + me.path("id").asText(), null).status());
    }

    @Test
    void applicationCarriesItsFlagsUnderBothPaths() {
        for (String path : new String[] {"/applications/@me", "/oauth2/applications/@me"}) {
            RestClient.Result r = rest.call("GET", path, null);
            assertEquals(200, r.status(), path);
            JsonNode app = r.json();
            assertEquals(Long.toUnsignedString(sim.applicationId()), app.path("id").asText(), path);
            assertEquals(SimConfig.ALL_PRIVILEGED_FLAGS, app.path("flags").asLong(), path);
            assertEquals(sim.population().bot().id(), Long.parseUnsignedLong(app.path("bot").path("id").asText()));
            assertTrue(app.path("owner").path("id").isTextual() && app.path("team").isNull(), path);
            assertEquals(64, app.path("verify_key").asText().length(), path);
        }
    }

    @Test
    void selfRoutesNeedTheBotToken() {
        RestClient anonymous = new RestClient(sim.apiBaseUrl(), "wrong");
        assertEquals(401, anonymous.call("GET", "/users/@me", null).status());
        assertEquals(401, anonymous.call("GET", "/applications/@me", null).status());
    }
}
