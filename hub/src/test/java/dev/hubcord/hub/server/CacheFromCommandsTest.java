package dev.hubcord.hub.server;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.RestClient;
import dev.hubcord.hub.testing.TestHub;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A commands worker fills cache misses it answered from Discord's REST API: its op 5 member and user upserts reach
 * the cache and the REST API, over real sockets, and the worker stays connected.
 */
class CacheFromCommandsTest {

    private static final String GUILD = "41771983423143937";
    private static final String USER = "80351110224678912";

    private TestHub hub;
    private RestClient rest;
    private RawClient sharder;
    private RawClient worker;

    @BeforeEach
    void start() {
        hub = TestHub.start();
        rest = new RestClient(hub);
        sharder = RawClient.identified(hub, "sharder");
        worker = RawClient.identified(hub, "commands");
        sharder.send(5, null, "{\"type\":\"guild\",\"id\":\"" + GUILD + "\",\"name\":\"g\",\"ownerID\":\"1\","
                + "\"roles\":[],\"channels\":[]}");
        await().atMost(Duration.ofSeconds(5)).until(() -> rest.get("/v1/discord/guilds/" + GUILD).status() == 200);
    }

    @AfterEach
    void stop() {
        worker.close();
        sharder.close();
        hub.close();
    }

    @Test
    void memberUpsertFromACommandsWorkerIsServed() {
        worker.send(5, null, "{\"type\":\"member\",\"id\":\"" + USER + "\",\"guildID\":\"" + GUILD + "\","
                + "\"nickname\":\"quiet\",\"roles\":[],\"joinedAt\":\"2024-01-02T03:04:05.000000+00:00\","
                + "\"user\":{\"id\":\"" + USER + "\",\"username\":\"neverspoke\",\"discriminator\":\"0\","
                + "\"globalName\":null,\"avatar\":null,\"bot\":false}}");
        await().atMost(Duration.ofSeconds(5)).until(() -> rest.get("/v1/discord/guilds/" + GUILD + "/members/"
                + USER).status() == 200);
        RestClient.Answer member = rest.get("/v1/discord/guilds/" + GUILD + "/members/" + USER);
        assertEquals("quiet", member.json().path("nickname").asText());
        assertEquals("neverspoke", member.json().path("user").path("username").asText());
        assertFalse(worker.isClosed(), "the worker stays connected");
    }

    @Test
    void userUpsertFromACommandsWorkerIsServed() {
        String other = "80351110224678913";
        worker.send(5, null, "{\"type\":\"user\",\"id\":\"" + other + "\",\"username\":\"stranger\","
                + "\"discriminator\":\"0\",\"globalName\":\"Stranger\",\"avatar\":null,\"bot\":false}");
        await().atMost(Duration.ofSeconds(5)).until(() -> rest.get("/v1/discord/users/" + other).status() == 200);
        assertEquals("Stranger", rest.get("/v1/discord/users/" + other).json().path("globalName").asText());
        assertFalse(worker.isClosed());
    }
}
