package dev.hubcord.protocol.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.client.GatewayInfo;
import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.client.Identified;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.protocol.codec.ProtocolException;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeTest {

    private static final URI HUB = URI.create("ws://127.0.0.1:3282/ws/v1");

    private static JsonNode json(byte[] bytes) throws Exception {
        return Json.mapper().readTree(bytes);
    }

    @Test
    void identifyOmitsWhatIsNotSetAndResumeCarriesSessionSeqAndCompression() throws Exception {
        var plain = HubClientOptions.builder(HUB, ServiceType.AUDIO, "sec").build();
        JsonNode identify = json(Handshake.identify(plain));
        assertEquals("{\"op\":0,\"d\":{\"type\":\"audio\",\"secret\":\"sec\",\"compress\":false}}", identify.toString());
        var sharder = HubClientOptions.builder(HUB, ServiceType.SHARDER, "sec")
                .compression(Compression.ZLIB).gateway(new GatewayInfo(4, 0, null, null)).build();
        JsonNode d = json(Handshake.identify(sharder)).get("d");
        assertEquals("zlib", d.get("compress").asText());
        assertEquals("{\"shards\":4}", d.get("gateway").toString());
        JsonNode resume = json(Handshake.resume(sharder, "abc", 17));
        assertEquals("{\"op\":6,\"d\":{\"secret\":\"sec\",\"session\":\"abc\",\"seq\":17,\"compress\":\"zlib\"}}",
                resume.toString());
    }

    @Test
    void heartbeatAlwaysCarriesTheRealHeapUsed() throws Exception {
        JsonNode beat = json(Handshake.heartbeat(Map.of("inFlight", 3, "heapUsed", "fake")));
        assertEquals(1, beat.get("op").asInt());
        assertTrue(beat.get("d").get("heapUsed").isIntegralNumber());
        assertEquals(3, beat.get("d").get("inFlight").asInt());
    }

    @Test
    void identifiedIsReadWithDefaultsForNonSharders() {
        Identified info = Handshake.identified(Json.mapper().valueToTree(Map.of(
                "session", "u", "type", "commands", "heartbeatInterval", 30000, "resumeTimeout", 60000)),
                ServiceType.COMMANDS);
        assertEquals(new Identified("u", ServiceType.COMMANDS, 30000, 60000, null, List.of(), 0, 0), info);
        assertNull(info.bot());
        assertThrows(ProtocolException.class, () -> Handshake.identified(
                Json.mapper().valueToTree(Map.of("type", "commands")), ServiceType.COMMANDS));
    }

    @Test
    void optionsRefuseBadValuesAndNeverPrintTheSecret() {
        assertThrows(IllegalArgumentException.class,
                () -> HubClientOptions.builder(URI.create("http://x/ws/v1"), ServiceType.AUDIO, "s").build());
        assertThrows(IllegalArgumentException.class,
                () -> HubClientOptions.builder(HUB, ServiceType.HUB, "s").build());
        assertThrows(IllegalArgumentException.class, () -> HubClientOptions.builder(HUB, ServiceType.AUDIO, "s")
                .gateway(new GatewayInfo(1, 1, null, null)).build());
        assertThrows(NullPointerException.class, () -> HubClientOptions.builder(HUB, ServiceType.AUDIO, null).build());
        String text = HubClientOptions.builder(HUB, ServiceType.AUDIO, "very-secret").build().toString();
        assertFalse(text.contains("very-secret"), text);
        assertEquals(URI.create("ws://h:1/ws/v1"), ClientPipeline.webSocketUri(URI.create("ws://h:1")));
        assertEquals(URI.create("ws://h:1/ws"), ClientPipeline.webSocketUri(URI.create("ws://h:1/ws")));
    }
}
