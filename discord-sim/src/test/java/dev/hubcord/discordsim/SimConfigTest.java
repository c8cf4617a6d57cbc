package dev.hubcord.discordsim;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hubcord.discordsim.gateway.GatewayConfig;
import dev.hubcord.discordsim.voice.VoiceServerConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SimConfigTest {

    @Test
    void configFileOverridesOnlyWhatItNames(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("sim.json");
        Files.writeString(file, """
                {"port": 0,
                 "gateway": {"identifyWindowMs": 250, "voiceReplyOrder": "STATE_FIRST", "acceptedVersions": [9, 10]},
                 "rest": {"buckets": {"messages": {"limit": 1, "windowMs": 1000, "shared": true}}},
                 "population": {"guilds": 3, "seed": 99},
                 "voice": {"transitionTimeoutMs": 500, "modes": ["aead_xchacha20_poly1305_rtpsize"]}}
                """);
        SimConfig cfg = SimConfig.fromFile(file);
        assertEquals(250, cfg.gateway().identifyWindowMs());
        assertEquals(GatewayConfig.VoiceReplyOrder.STATE_FIRST, cfg.gateway().voiceReplyOrder());
        assertEquals(41_250, cfg.gateway().heartbeatIntervalMs(), "untouched keys keep their defaults");
        assertEquals(java.util.Set.of(9, 10), cfg.gateway().acceptedVersions());
        assertEquals(1, cfg.rest().buckets().get("messages").limit());
        assertEquals(5, cfg.rest().buckets().get("bans").limit());
        assertEquals(3, cfg.population().guilds());
        assertEquals(99, cfg.population().seed());
        assertEquals(SimConfig.defaults().token(), cfg.token());
        assertEquals(500, cfg.voice().transitionTimeoutMs());
        assertEquals(java.util.List.of(VoiceServerConfig.XCHACHA), cfg.voice().modes());
        assertEquals(1, cfg.voice().daveProtocolVersion(), "untouched voice keys keep their defaults");
    }

    @Test
    void badConfigFilesFailWithAConfigError(@TempDir Path dir) throws Exception {
        Path notJson = dir.resolve("bad.json");
        Files.writeString(notJson, "{port:");
        assertEquals(SimException.Kind.CONFIG,
                assertThrows(SimException.class, () -> SimConfig.fromFile(notJson)).kind());
        Path badValue = dir.resolve("range.json");
        Files.writeString(badValue, "{\"population\": {\"guilds\": -1}}");
        assertEquals(SimException.Kind.CONFIG,
                assertThrows(SimException.class, () -> SimConfig.fromFile(badValue)).kind());
        Path badVoice = dir.resolve("voice.json");
        Files.writeString(badVoice, "{\"voice\": {\"daveProtocolVersion\": 7}}");
        assertEquals(SimException.Kind.CONFIG,
                assertThrows(SimException.class, () -> SimConfig.fromFile(badVoice)).kind());
        assertThrows(SimException.class, () -> SimConfig.fromFile(dir.resolve("missing.json")));
    }
}
