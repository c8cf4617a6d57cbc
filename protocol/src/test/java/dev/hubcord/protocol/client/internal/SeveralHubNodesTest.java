package dev.hubcord.protocol.client.internal;

import static dev.hubcord.protocol.client.ConnectionState.CONNECTED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.HubClientOptions;
import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A client given several hub nodes: spreads over them, and moves to another when its node dies. */
class SeveralHubNodesTest {

    @Test
    void movesToAnotherNodeWhenItsNodeDiesAndIdentifiesThereWhenTheSessionIsUnknown() throws Exception {
        ScriptedHub first = new ScriptedHub();
        ScriptedHub second = new ScriptedHub();
        try (first; second) {
            HubClientOptions options = HubClientOptions.builder(List.of(first.uri(), second.uri()),
                            ServiceType.COMMANDS, ClientFixture.SECRET)
                    .reconnectDelay(Duration.ofMillis(10), Duration.ofMillis(50))
                    .connectTimeout(Duration.ofSeconds(2))
                    .build();
            try (var f = new ClientFixture(options)) {
                f.client.connect();
                await().atMost(Duration.ofSeconds(5)).until(() -> first.connections() + second.connections() == 1);
                ScriptedHub home = first.connections() == 1 ? first : second;
                ScriptedHub other = home == first ? second : first;
                var peer = home.acceptAndHello(60_000);
                peer.receive(0);
                peer.identified("s-home", 1, "");
                await().until(() -> f.client.state() == CONNECTED);

                // the node dies: the kernel closes its connections and its port refuses new ones
                peer.drop();
                home.close();
                await().atMost(Duration.ofSeconds(5)).until(() -> f.client.state() != CONNECTED);
                var moved = other.acceptAndHello(60_000);
                // the session lived on the dead node: the client tries to resume, the other node refuses with 4009
                assertEquals("s-home", moved.receive(6).get("d").get("session").asText());
                moved.closeWith(4009, "unknown session");
                // it identifies afresh, on a live node (the dead one refuses connections, so it comes back here)
                var fresh = other.acceptAndHello(60_000);
                assertEquals("commands", fresh.receive(0).get("d").get("type").asText());
                fresh.identified("s-other", 1, "");
                await().atMost(Duration.ofSeconds(5)).until(() -> f.client.state() == CONNECTED);
            }
        }
    }

    @Test
    void clientsStartAtRandomNodesSoThatTheySpreadOverThem() throws Exception {
        ScriptedHub a = new ScriptedHub();
        ScriptedHub b = new ScriptedHub();
        try (a; b) {
            List<URI> uris = List.of(a.uri(), b.uri());
            Set<URI> firstTargets = new HashSet<>();
            for (int i = 0; i < 40 && firstTargets.size() < 2; i++) {
                HubClientOptions options = HubClientOptions.builder(uris, ServiceType.COMMANDS, ClientFixture.SECRET)
                        .build();
                DefaultHubClient client = (DefaultHubClient) dev.hubcord.protocol.client.HubClient.create(options);
                try {
                    firstTargets.add(client.target());
                } finally {
                    client.close();
                }
            }
            // 40 clients all starting at one node would happen with probability 2^-39
            assertEquals(Set.copyOf(uris), firstTargets);
        }
    }

    @Test
    void hubUrlListsAreReadFromOneSettingWithCommas() {
        assertEquals(List.of(URI.create("ws://a:1/ws/v1"), URI.create("ws://b:2/ws/v1")),
                HubClientOptions.parseUris(" ws://a:1/ws/v1 , ws://b:2/ws/v1,"));
        assertThrows(IllegalArgumentException.class, () -> HubClientOptions.parseUris(" , "));
        var bad = assertThrows(IllegalArgumentException.class, () -> HubClientOptions.parseUris("ws://a:1,http://b"));
        assertTrue(bad.getMessage().contains("http://b"), bad.getMessage());
    }
}
