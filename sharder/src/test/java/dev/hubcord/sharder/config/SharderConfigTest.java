package dev.hubcord.sharder.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.protocol.Compression;
import dev.hubcord.sharder.SharderException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharderConfigTest {

    private static final Map<String, String> REQUIRED = Map.of("DISCORD_TOKEN", "t", "HUB_SECRET", "s");

    @Test
    void defaultsAndLayersFlagsOverEnvironmentOverFile() {
        SharderConfig c = SharderConfig.resolve(Map.of("COMMAND_PREFIX", "?", "DISCORD_INTENTS", "1"),
                Map.of("DISCORD_TOKEN", "Bot abc", "HUB_SECRET", "s", "COMMAND_PREFIX", "$", "PATH", "/bin"),
                Map.of("COMMAND_PREFIX", "%", "SHARDER_DISPATCH_EVENTS", "guild_ban_add, TYPING_START,,"));
        assertThat(c.token()).as("a 'Bot ' prefix is dropped").isEqualTo("abc");
        assertThat(c.prefix()).isEqualTo("%");
        assertThat(c.intents()).isEqualTo(1);
        assertThat(c.compression()).isEqualTo(GatewayCompression.ZSTD_STREAM);
        assertThat(c.hubCompression()).isEqualTo(Compression.ZSTD);
        assertThat(c.apiBase().toString()).isEqualTo("https://discord.com/api/v10");
        assertThat(c.dispatchEvents()).containsExactly("GUILD_BAN_ADD", "TYPING_START");
        assertThat(c.httpPort()).isEqualTo(-1);
        assertThat(c.toString()).doesNotContain("abc").doesNotContain("=s,");
    }

    @Test
    void badValuesAreRefusedWithTheSettingsName() {
        assertThatThrownBy(() -> SharderConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", "s")))
                .isInstanceOf(SharderException.class).hasMessageContaining("DISCORD_TOKEN");
        assertThatThrownBy(() -> SharderConfig.resolve(Map.of(), REQUIRED, Map.of("DISCORD_COMPRESS", "brotli")))
                .hasMessageContaining("DISCORD_COMPRESS");
        assertThatThrownBy(() -> SharderConfig.resolve(Map.of(), REQUIRED, Map.of("HUB_URL", "http://x:1/ws")))
                .hasMessageContaining("HUB_URL");
        assertThatThrownBy(() -> SharderConfig.resolve(Map.of(), REQUIRED, Map.of("DISCORD_LARGE_THRESHOLD", "20")))
                .hasMessageContaining("between 50 and 250");
        assertThatThrownBy(() -> SharderConfig.resolve(Map.of(), REQUIRED, Map.of("SHARDER_HUB_BUFFER", "lots")))
                .hasMessageContaining("whole number");
    }
}
