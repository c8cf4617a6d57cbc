package dev.hubcord.discordrest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.SimConfig;
import dev.hubcord.discordsim.rest.RestExchange;
import java.net.URI;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The sim's invalid-request ban (Cloudflare's 1015) as the client meets it. */
class CloudflareBanTest {

    static DiscordSim sim;

    @BeforeAll
    static void start() {
        sim = DiscordSim.start(SimConfig.defaults());
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @Test
    void invalidRequestsAtTheLimitGetTheIpBannedAndTheClientStopsAtOnce() {
        sim.control().setInvalidRequestBan(3, 60_000, 30_000);
        sim.control().clearRestRequests();
        URI api = URI.create(sim.apiBaseUrl());
        try (DiscordRest wrongToken = new DiscordRest(RestOptions.defaults(api, "not-the-token"));
                DiscordRest client = new DiscordRest(RestOptions.defaults(api, sim.token()))) {
            for (int i = 0; i < 3; i++) {
                assertThatThrownBy(() -> wrongToken.call(RestRequest.of("GET", "/users/@me")))
                        .isInstanceOfSatisfying(DiscordRestException.class, e -> assertThat(e.status()).isEqualTo(401));
            }
            assertThat(wrongToken.invalidRequestCount()).isEqualTo(3);
            // now even a good token is refused: the ban is the IP's
            assertThatThrownBy(() -> client.call(RestRequest.of("GET", "/users/@me")))
                    .isInstanceOfSatisfying(DiscordRestException.class,
                            e -> assertThat(e.kind()).isEqualTo(DiscordRestException.Kind.BANNED));
            assertThat(client.globallyPaused()).as("the client pauses for the ban's Retry-After").isTrue();
        } finally {
            sim.control().setInvalidRequestBan(10_000, 600_000, 3_600_000);
        }
        List<RestExchange.Recorded> requests = sim.control().restRequests();
        assertThat(requests).extracting(RestExchange.Recorded::status).containsExactly(401, 401, 401, 429);
    }

    @Test
    void aBanEndsAfterItsTime() throws Exception {
        sim.control().setInvalidRequestBan(1, 60_000, 300);
        try (DiscordRest wrongToken = new DiscordRest(RestOptions.defaults(URI.create(sim.apiBaseUrl()), "nope"));
                DiscordRest client = new DiscordRest(RestOptions.defaults(URI.create(sim.apiBaseUrl()), sim.token()))) {
            assertThatThrownBy(() -> wrongToken.call(RestRequest.of("GET", "/users/@me")));
            assertThatThrownBy(() -> client.call(RestRequest.of("GET", "/users/@me")))
                    .isInstanceOfSatisfying(DiscordRestException.class,
                            e -> assertThat(e.kind()).isEqualTo(DiscordRestException.Kind.BANNED));
            org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(5)).ignoreExceptions()
                    .until(() -> client.call(RestRequest.of("GET", "/users/@me")).path("id").isTextual());
        } finally {
            sim.control().setInvalidRequestBan(10_000, 600_000, 3_600_000);
        }
    }
}
