package dev.hubcord.hub.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ConnectionTest {

    @Test
    void closeReasonsAreCutToWholeCharactersWithin120Bytes() {
        assertThat(Connection.truncate("short")).isEqualTo("short");
        String snowmen = "unknown event " + "\u2603".repeat(60);
        String cut = Connection.truncate(snowmen);
        assertThat(cut.getBytes(StandardCharsets.UTF_8).length).isLessThanOrEqualTo(120);
        assertThat(snowmen).startsWith(cut);
        assertThat(cut).doesNotContain("\uFFFD");
    }
}
