package dev.hubcord.discordsim.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.population.SimChannel;
import dev.hubcord.discordsim.population.SimGuild;
import dev.hubcord.discordsim.support.Sims;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Rate-limit headers and the three kinds of 429, plus 401. */
class RateLimitTest {

    private DiscordSim sim;
    private RestClient rest;
    private List<Long> channels;

    @BeforeEach
    void start() {
        sim = Sims.start();
        rest = new RestClient(sim.apiBaseUrl(), sim.token());
        channels = sim.population().guilds().stream().map(SimGuild::snapshot)
                .map(g -> g.channels().stream().filter(c -> c.name().equals("general")).findFirst().orElseThrow())
                .map(SimChannel::id).toList();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    private RestClient.Result post(long channel) {
        return rest.call("POST", "/channels/" + Long.toUnsignedString(channel) + "/messages", "{\"content\":\"hi\"}");
    }

    @Test
    void missingOrWrongTokenIs401() {
        RestClient.Result none = new RestClient(sim.apiBaseUrl(), null).call("GET", "/gateway/bot", null);
        assertEquals(401, none.status());
        assertEquals("401: Unauthorized", none.json().path("message").asText());
        assertEquals(0, none.json().path("code").asInt());
        assertEquals(401, new RestClient(sim.apiBaseUrl(), "nope").call("GET", "/gateway/bot", null).status());
        assertEquals(200, new RestClient(sim.apiBaseUrl(), null).call("GET", "/gateway", null).status(),
                "GET /gateway needs no auth");
        assertEquals(2, sim.control().invalidRestRequests());
    }

    @Test
    void invalidRequestsAtTheLimitBanTheIpWithCloudflares1015() {
        sim.control().setInvalidRequestBan(3, 60_000, 60_000);
        RestClient wrong = new RestClient(sim.apiBaseUrl(), "nope");
        for (int i = 0; i < 3; i++) {
            assertEquals(401, wrong.call("GET", "/users/@me", null).status());
        }
        RestClient.Result banned = rest.call("GET", "/users/@me", null);
        assertEquals(429, banned.status(), "the ban is the IP's: a good token is refused too");
        assertEquals("error code: 1015", banned.response().body());
        assertNull(banned.header("via"), "Cloudflare answers, not Discord's front end");
        assertNull(banned.header("x-ratelimit-scope"));
        assertTrue(Long.parseLong(banned.header("retry-after")) >= 59);
        assertTrue(banned.header("content-type").startsWith("text/plain"));
        assertEquals(4, sim.control().invalidRestRequests(), "the 1015 answers count as 429s, not toward a new ban");
        sim.control().setInvalidRequestBan(3, 60_000, 60_000);
        assertEquals(200, rest.call("GET", "/users/@me", null).status(), "configuring lifts the ban");
    }

    @Test
    void perRouteBucketHeadersThenUserScoped429() {
        long channel = channels.getFirst();
        RestClient.Result first = post(channel);
        assertEquals(200, first.status());
        assertEquals("5", first.header("X-RateLimit-Limit"));
        assertEquals("4", first.header("X-RateLimit-Remaining"));
        double resetAfter = Double.parseDouble(first.header("X-RateLimit-Reset-After"));
        assertTrue(resetAfter > 4 && resetAfter <= 5);
        double reset = Double.parseDouble(first.header("X-RateLimit-Reset"));
        assertTrue(Math.abs(reset - (System.currentTimeMillis() / 1000.0 + resetAfter)) < 2);
        String bucket = first.header("X-RateLimit-Bucket");
        assertNotNull(bucket);
        for (int i = 0; i < 4; i++) {
            assertEquals(200, post(channel).status());
        }
        RestClient.Result limited = post(channel);
        assertEquals(429, limited.status());
        assertEquals("user", limited.header("X-RateLimit-Scope"));
        assertEquals("1.1 google", limited.header("Via"), "JDA takes a 429 without Via for a Cloudflare ban");
        assertEquals("0", limited.header("X-RateLimit-Remaining"));
        assertEquals(bucket, limited.header("X-RateLimit-Bucket"));
        assertTrue(Integer.parseInt(limited.header("Retry-After")) >= 1, "Retry-After is an integer");
        JsonNode body = limited.json();
        assertTrue(body.path("retry_after").isDouble() && body.path("retry_after").asDouble() > 0);
        assertFalse(body.path("global").asBoolean(true));

        RestClient.Result otherChannel = post(channels.get(1));
        assertEquals(200, otherChannel.status(), "buckets are per major parameter");
        assertEquals(bucket, otherChannel.header("X-RateLimit-Bucket"), "same hash, different channel");
    }

    @Test
    void globalLimitGives429WithGlobalHeaderAndNoBucketHeaders() {
        sim.control().setRestConfig(sim.control().restConfig().withGlobal(3, 10_000));
        for (int i = 0; i < 3; i++) {
            assertEquals(200, post(channels.get(i)).status());
        }
        RestClient.Result limited = post(channels.get(3));
        assertEquals(429, limited.status());
        assertEquals("true", limited.header("X-RateLimit-Global"));
        assertEquals("global", limited.header("X-RateLimit-Scope"));
        assertEquals("1.1 google", limited.header("Via"));
        assertNull(limited.header("X-RateLimit-Bucket"));
        assertNull(limited.header("X-RateLimit-Limit"));
        assertTrue(limited.json().path("global").asBoolean());
        assertNotNull(limited.header("Retry-After"));
    }

    @Test
    void sharedResourceLimitSaysSoAndDoesNotCountAsInvalid() {
        sim.control().setRestConfig(sim.control().restConfig()
                .withBucket("messages", new RestConfig.BucketLimit(1, 10_000, true)));
        assertEquals(200, post(channels.getFirst()).status());
        RestClient.Result limited = post(channels.getFirst());
        assertEquals(429, limited.status());
        assertEquals("shared", limited.header("X-RateLimit-Scope"));
        assertEquals("The resource is being rate limited.", limited.json().path("message").asText());
        assertEquals(0, sim.control().invalidRestRequests());
    }

    @Test
    void everyRequestIsRecorded() {
        post(channels.getFirst());
        rest.call("GET", "/nope", null);
        var recorded = sim.control().restRequests();
        assertEquals(2, recorded.size());
        assertEquals("POST", recorded.getFirst().method());
        assertEquals("{\"content\":\"hi\"}", recorded.getFirst().body());
        assertEquals("Bot " + sim.token(), recorded.getFirst().header("Authorization"));
        assertEquals(404, recorded.get(1).status());
    }
}
