package dev.hubcord.protocol.client.internal;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.HubClientException;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The client's side of publisher acknowledgements against a scripted hub over real loopback sockets. */
class HubClientPublishAcksTest {

    private ScriptedHub hub;

    @BeforeEach
    void startHub() throws InterruptedException {
        hub = new ScriptedHub();
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private ClientFixture sharder() {
        return new ClientFixture(ClientFixture.options(hub, ServiceType.SHARDER).publishAcks(true).build());
    }

    /** Connects and answers IDENTIFY with {@code identifiedExtra} in IDENTIFIED's data. */
    private ScriptedHub.Peer connect(ClientFixture f, String identifiedExtra) throws Exception {
        var connected = f.client.connect();
        ScriptedHub.Peer peer = hub.acceptAndHello(60_000);
        JsonNode identify = peer.receive(0);
        assertTrue(identify.at("/d/publishAcks").asBoolean(), "IDENTIFY asks for publisher acknowledgements");
        peer.compress(Compression.NONE);
        peer.identified("s", 1, identifiedExtra);
        connected.get(5, TimeUnit.SECONDS);
        return peer;
    }

    private static void send(ClientFixture f, int n) {
        assertTrue(f.client.send("EXECUTE_COMMAND", Map.of("command", "c" + n, "raw", "", "ids", Map.of())));
    }

    private static long nextPs(ScriptedHub.Peer peer, String command) throws InterruptedException {
        JsonNode payload = peer.receive(2);
        assertEquals(command, payload.at("/d/command").asText());
        return payload.get("ps").longValue();
    }

    @Test
    void holdsUntilConfirmedAndAfterAResumeSendsOnlyWhatTheHubHadNotTaken() throws Exception {
        try (ClientFixture f = sharder()) {
            ScriptedHub.Peer peer = connect(f, ",\"published\":0");
            send(f, 1);
            send(f, 2);
            send(f, 3);
            assertEquals(1, nextPs(peer, "c1"));
            assertEquals(2, nextPs(peer, "c2"));
            assertEquals(3, nextPs(peer, "c3"));
            peer.send("{\"op\":8,\"d\":{\"s\":1}}");
            await().until(() -> f.client.unconfirmed() == 2);

            peer.drop();
            ScriptedHub.Peer back = hub.acceptAndHello(60_000);
            JsonNode resume = back.receive(6);
            assertTrue(resume.at("/d/publishAcks").asBoolean(), "RESUME asks again");
            send(f, 4); // while resuming: waits behind what is sent again
            back.event("RESUMED", 2, "{\"session\":\"s\",\"replayed\":0,\"published\":2}");
            assertEquals(3, nextPs(back, "c3"), "2 was taken; 3 was not");
            assertEquals(4, nextPs(back, "c4"));
            back.send("{\"op\":8,\"d\":{\"s\":4}}");
            await().until(() -> f.client.unconfirmed() == 0 && f.client.unconfirmedBytes() == 0);
        }
    }

    @Test
    void aFreshSessionGetsEverythingStillHeldWithTheSameNumbers() throws Exception {
        try (ClientFixture f = sharder()) {
            ScriptedHub.Peer peer = connect(f, ",\"published\":0");
            send(f, 1);
            send(f, 2);
            assertEquals(1, nextPs(peer, "c1"));
            assertEquals(2, nextPs(peer, "c2"));
            peer.send("{\"op\":8,\"d\":{\"s\":1}}");
            await().until(() -> f.client.unconfirmed() == 1);
            // The hub restarted: it knows no session.
            peer.closeWith(4009, "invalid session: unknown or expired");
            ScriptedHub.Peer fresh = hub.acceptAndHello(60_000);
            fresh.receive(0);
            fresh.identified("s2", 1, ",\"published\":0");
            assertEquals(2, nextPs(fresh, "c2"));
            send(f, 3);
            assertEquals(3, nextPs(fresh, "c3"));
        }
    }

    @Test
    void aHubThatDoesNotConfirmLeavesNothingHeld() throws Exception {
        try (ClientFixture f = sharder()) {
            ScriptedHub.Peer peer = connect(f, "");
            send(f, 1);
            assertEquals(1, nextPs(peer, "c1"));
            await().until(() -> f.client.unconfirmed() == 0);
            assertFalse(f.hasError(HubClientException.Kind.BUFFER_FULL));
        }
    }

    @Test
    void refusesWhenTheUnconfirmedBufferIsFull() throws Exception {
        try (ClientFixture f = new ClientFixture(ClientFixture.options(hub, ServiceType.SHARDER).publishAcks(true)
                .sendBufferCapacity(2).build())) {
            ScriptedHub.Peer peer = connect(f, ",\"published\":0");
            send(f, 1);
            send(f, 2);
            assertFalse(f.client.send("EXECUTE_COMMAND", Map.of("command", "c3", "raw", "", "ids", Map.of())));
            await().until(() -> f.hasError(HubClientException.Kind.BUFFER_FULL));
            peer.send("{\"op\":8,\"d\":{\"s\":2}}");
            await().until(() -> f.client.unconfirmed() == 0);
            send(f, 3);
            assertEquals(1, nextPs(peer, "c1"));
            assertEquals(2, nextPs(peer, "c2"));
            assertEquals(3, nextPs(peer, "c3"));
        }
    }
}
