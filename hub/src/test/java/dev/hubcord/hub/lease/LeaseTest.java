package dev.hubcord.hub.lease;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LEASE and LEASE_RELEASE over real sockets: one holder at a time, renewal, release, session end, TTL, bad input. */
class LeaseTest {

    private static TestHub hub;

    @BeforeAll
    static void start() {
        hub = TestHub.start();
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    private static int nonces;

    private static JsonNode lease(RawClient client, String name, long ttlMs) {
        String nonce = "n" + (++nonces);
        client.event("LEASE", "{\"nonce\":\"" + nonce + "\",\"name\":\"" + name + "\",\"ttlMs\":" + ttlMs + "}");
        JsonNode reply = client.nextEvent();
        assertThat(reply.get("t").asText()).isEqualTo("REPLY");
        assertThat(reply.get("d").get("nonce").asText()).isEqualTo(nonce);
        assertThat(reply.get("d").get("name").asText()).isEqualTo(name);
        return reply.get("d");
    }

    @Test
    void oneHolderAtATimeUntilItReleases() {
        try (RawClient first = RawClient.identified(hub, "commands");
                RawClient second = RawClient.identified(hub, "audio")) {
            JsonNode granted = lease(first, "registration", 60_000);
            assertThat(granted.get("granted").asBoolean()).isTrue();
            assertThat(granted.get("holder").asText()).isEqualTo(first.sessionId());

            JsonNode refused = lease(second, "registration", 60_000);
            assertThat(refused.get("granted").asBoolean()).isFalse();
            assertThat(refused.get("holder").asText()).isEqualTo(first.sessionId());
            assertThat(refused.get("expiresInMs").asLong()).isBetween(1L, 60_000L);

            assertThat(lease(first, "registration", 30_000).get("granted").asBoolean()).as("renewal").isTrue();
            assertThat(lease(second, "other-name", 1_000).get("granted").asBoolean()).as("names are apart").isTrue();

            second.event("LEASE_RELEASE", "{\"name\":\"registration\"}");
            assertThat(lease(second, "registration", 1_000).get("granted").asBoolean())
                    .as("a release by a non-holder does nothing").isFalse();
            first.event("LEASE_RELEASE", "{\"name\":\"registration\"}");
            // the release travels on another connection: wait for it rather than race it
            await().atMost(Duration.ofSeconds(5))
                    .until(() -> lease(second, "registration", 60_000).get("granted").asBoolean());
            second.event("LEASE_RELEASE", "{\"name\":\"registration\"}");
            second.event("LEASE_RELEASE", "{\"name\":\"other-name\"}");
        }
    }

    @Test
    void aLeaseEndsWithItsHoldersSessionAndWithItsTime() {
        try (RawClient other = RawClient.identified(hub, "commands")) {
            try (RawClient holder = RawClient.identified(hub, "commands")) {
                assertThat(lease(holder, "session-bound", 60_000).get("granted").asBoolean()).isTrue();
                holder.close(1000);
            }
            // closed with 1000: the session ends at once, and its lease with it
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> lease(other, "session-bound", 60_000).get("granted").asBoolean());

            try (RawClient holder = RawClient.identified(hub, "commands")) {
                assertThat(lease(holder, "short", 300).get("granted").asBoolean()).isTrue();
                assertThat(lease(other, "short", 1_000).get("granted").asBoolean()).isFalse();
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                        .until(() -> lease(other, "short", 1_000).get("granted").asBoolean());
            }
        }
    }

    @Test
    void malformedLeasesCloseWith4005AndTheLeaseTableIsBounded() {
        for (String d : new String[] {"{\"nonce\":\"x\",\"name\":\"a\",\"ttlMs\":0}",
                "{\"nonce\":\"x\",\"name\":\"a\",\"ttlMs\":600001}", "{\"nonce\":\"x\",\"ttlMs\":1000}",
                "{\"nonce\":\"x\",\"name\":\"\",\"ttlMs\":1000}", "{\"name\":\"a\",\"ttlMs\":1000}"}) {
            try (RawClient bad = RawClient.identified(hub, "commands")) {
                bad.event("LEASE", d);
                assertThat(bad.expectClose(4005).reason()).contains("LEASE");
            }
        }
        LocalLeases small = new LocalLeases(System::currentTimeMillis, 2);
        assertThat(small.acquire("a", "s1", 60_000).granted()).isTrue();
        assertThat(small.acquire("b", "s1", 60_000).granted()).isTrue();
        Leases.Grant full = small.acquire("c", "s2", 60_000);
        assertThat(full.granted()).isFalse();
        assertThat(full.holder()).isNull();
        assertThat(small.releaseAll("s1")).isEqualTo(2);
        assertThat(small.acquire("c", "s2", 60_000).granted()).isTrue();
    }
}
