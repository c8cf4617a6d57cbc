package dev.hubcord.hub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.config.ConfigException;
import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.RestClient;
import dev.hubcord.hub.testing.TestHub;
import io.netty.channel.uring.IoUring;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every transport serves REST and the WebSocket protocol; a bad or impossible choice is a clear startup error. */
class IoTransportTest {

    @ParameterizedTest
    @ValueSource(strings = {"nio", "io_uring", "auto"})
    void eachTransportServesRestAndWebSocket(String transport) {
        assumeTrue(!transport.equals("io_uring") || IoUring.isAvailable(), "io_uring is not available here");
        try (TestHub hub = TestHub.start(Map.of("HUB_TRANSPORT", transport))) {
            String expected = transport.equals("auto") ? (IoUring.isAvailable() ? "io_uring" : "nio") : transport;
            assertThat(hub.server().transportName()).isEqualTo(expected);
            assertThat(new RestClient(hub).get("/v1/services").status()).isEqualTo(200);
            try (RawClient client = RawClient.identified(hub, "commands")) {
                client.heartbeat();
                JsonNode ack = client.next();
                assertThat(ack.path("op").asInt()).as("HEARTBEAT_ACK").isEqualTo(4);
                assertThat(new RestClient(hub).get("/v1/services").body()).contains("commands");
            }
        }
    }

    @Test
    void anUnknownTransportIsAConfigError() {
        assertThatThrownBy(() -> HubConfig.resolve(Map.of(), Map.of("HUB_TRANSPORT", "epoll"),
                Map.of("HUB_SECRET", "s"))).isInstanceOf(ConfigException.class).hasMessageContaining("HUB_TRANSPORT");
    }

    @Test
    void ioUringWhereItIsMissingRefusesToStartAndSaysWhy() {
        assumeFalse(IoUring.isAvailable(), "io_uring is available here");
        assertThatThrownBy(() -> TestHub.start(Map.of("HUB_TRANSPORT", "io_uring")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("io_uring is not available");
    }
}
