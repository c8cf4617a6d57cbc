package dev.hubcord.sharder.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hubcord.protocol.Compression;
import dev.hubcord.sharder.SharderException;
import dev.hubcord.sharder.gateway.MemberRequestOptions;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharderConfigTest {

    private static final Map<String, String> REQUIRED = Map.of("DISCORD_TOKEN", "t", "HUB_SECRET", "s");

    @Test
    void defaultsAndLayersFlagsOverEnvironmentOverFile() {
        SharderConfig c = SharderConfig.resolve(Map.of("COMMAND_PREFIX", "?", "DISCORD_INTENTS", "3"),
                Map.of("DISCORD_TOKEN", "Bot abc", "HUB_SECRET", "s", "COMMAND_PREFIX", "$", "PATH", "/bin"),
                Map.of("COMMAND_PREFIX", "%", "SHARDER_DISPATCH_EVENTS", "guild_ban_add, TYPING_START,,"));
        assertThat(c.token()).as("a 'Bot ' prefix is dropped").isEqualTo("abc");
        assertThat(c.prefix()).isEqualTo("%");
        assertThat(c.intents()).isEqualTo(3);
        assertThat(c.compression()).isEqualTo(GatewayCompression.ZSTD_STREAM);
        assertThat(c.hubCompression()).isEqualTo(Compression.ZSTD);
        assertThat(c.apiBase().toString()).isEqualTo("https://discord.com/api/v10");
        assertThat(c.dispatchEvents()).containsExactly("GUILD_BAN_ADD", "TYPING_START");
        assertThat(c.httpPort()).isEqualTo(9101);
        assertThat(c.toString()).doesNotContain("abc").doesNotContain("=s,");
    }

    @Test
    void intentsByNameAndMemberRequestsDefaultToSmallWithGuildMembers() {
        SharderConfig c = SharderConfig.resolve(Map.of(), REQUIRED, Map.of());
        assertThat(c.intents()).as("GUILDS, GUILD_MEMBERS, GUILD_VOICE_STATES, GUILD_MESSAGES, MESSAGE_CONTENT")
                .isEqualTo(1 | 2 | 128 | 512 | 32768);
        assertThat(c.memberRequests().mode()).isEqualTo(MemberRequestOptions.Mode.SMALL);
        assertThat(c.memberRequests().wants(75_000)).isTrue();
        assertThat(c.memberRequests().wants(75_001)).isFalse();
        SharderConfig named = SharderConfig.resolve(Map.of(), REQUIRED, Map.of("DISCORD_INTENTS", " guilds, GUILD_MEMBERS ",
                "SHARDER_MEMBER_REQUESTS", "ALL", "SHARDER_MEMBER_REQUESTS_IN_FLIGHT", "3"));
        assertThat(named.intents()).isEqualTo(3);
        assertThat(named.memberRequests().wants(Integer.MAX_VALUE)).isTrue();
        assertThat(named.memberRequests().inFlight()).isEqualTo(3);
        assertThat(SharderConfig.resolve(Map.of(), REQUIRED, Map.of("DISCORD_INTENTS", "GUILDS",
                "SHARDER_MEMBER_REQUESTS", "none")).memberRequests().wants(1)).isFalse();
    }

    @Test
    void memberRequestsWithoutTheGuildMembersIntentAreRefused() {
        assertThatThrownBy(() -> SharderConfig.resolve(Map.of(), REQUIRED, Map.of("DISCORD_INTENTS", "GUILDS")))
                .isInstanceOf(SharderException.class).hasMessageContaining("needs GUILD_MEMBERS");
        assertThatThrownBy(() -> SharderConfig.resolve(Map.of(), REQUIRED, Map.of("DISCORD_INTENTS", "GUILDS,MEMBERS")))
                .hasMessageContaining("unknown intent 'MEMBERS'");
        assertThatThrownBy(() -> SharderConfig.resolve(Map.of(), REQUIRED, Map.of("SHARDER_MEMBER_REQUESTS", "some")))
                .hasMessageContaining("allowed all|small|none");
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
                .hasMessageContaining("allowed 50..250");
        assertThatThrownBy(() -> SharderConfig.resolve(Map.of(), REQUIRED, Map.of("SHARDER_HUB_BUFFER", "lots")))
                .hasMessageContaining("SHARDER_HUB_BUFFER='lots'");
    }
}
