package dev.hubcord.hub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.hubcord.hub.config.ConfigException;
import dev.hubcord.hub.config.HubConfig;
import dev.hubcord.hub.testing.Metrics;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connections that never get going are closed, and connections past the limits are refused with a reason. */
class ConnectionHygieneTest {

    private static Socket connect(TestHub hub) throws IOException {
        Socket socket = new Socket();
        socket.connect(new InetSocketAddress("127.0.0.1", hub.port()), 5_000);
        socket.setSoTimeout(10_000);
        return socket;
    }

    /** Reads until the hub closes the connection; returns what it sent. */
    private static String readToEnd(Socket socket) throws IOException {
        InputStream in = socket.getInputStream();
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static String get(TestHub hub, String path) throws IOException {
        try (Socket socket = connect(hub)) {
            socket.getOutputStream().write(("GET " + path + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return readToEnd(socket);
        }
    }

    @Test
    void aConnectionThatSendsNothingOrHalfARequestIsClosedAfterTheHandshakeTimeout() throws IOException {
        try (TestHub hub = TestHub.start(Map.of("HUB_HANDSHAKE_TIMEOUT_MS", "300"));
                Socket idle = connect(hub);
                Socket slow = connect(hub)) {
            slow.getOutputStream().write("GET /ws/v1 HTTP/1.1\r\nHost: x\r\nUpgr".getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();
            assertThat(idle.getInputStream().read()).as("closed by the hub").isEqualTo(-1);
            assertThat(readToEnd(slow)).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
            assertThat(Metrics.value(hub, "hub_handshake_timeouts_total")).isEqualTo(2);
            // a connection that asked in time was answered and is not timed any more
            assertThat(get(hub, "/health")).startsWith("HTTP/1.1 200");
        }
    }

    @Test
    void aWebSocketThatNeverIdentifiesIsClosedWith4000() {
        try (TestHub hub = TestHub.start(Map.of("HUB_IDENTIFY_TIMEOUT_MS", "400"));
                RawClient silent = RawClient.connectAndHello(hub);
                RawClient identified = RawClient.identified(hub, "commands")) {
            silent.heartbeat(); // heartbeats alone do not count
            RawClient.Close close = silent.expectClose(4000);
            assertThat(close.reason()).contains("no IDENTIFY or RESUME within 400 ms");
            assertThat(Metrics.value(hub, "hub_identify_timeouts_total")).isEqualTo(1);
            identified.heartbeat();
            assertThat(identified.next().get("op").intValue()).as("an identified client stays").isEqualTo(4);
        }
    }

    @Test
    void connectionsPastThePerAddressLimitAreRefusedWith429UntilOneCloses() throws IOException {
        try (TestHub hub = TestHub.start(Map.of("HUB_MAX_CONNECTIONS_PER_ADDRESS", "2"));
                RawClient first = RawClient.identified(hub, "commands");
                RawClient second = RawClient.identified(hub, "commands")) {
            String refused = get(hub, "/health");
            assertThat(refused).startsWith("HTTP/1.1 429").contains("TOO_MANY_CONNECTIONS_FROM_ADDRESS");
            assertThat(Metrics.value(hub, "hub_connections_refused_total")).isNotNaN();
            first.close(1000);
            await().atMost(Duration.ofSeconds(5)).untilAsserted(
                    () -> assertThat(get(hub, "/health")).startsWith("HTTP/1.1 200"));
            second.heartbeat();
            assertThat(second.next().get("op").intValue()).isEqualTo(4);
        }
    }

    @Test
    void connectionsPastTheTotalLimitAreRefusedWith503() throws IOException {
        try (TestHub hub = TestHub.start(Map.of("HUB_MAX_CONNECTIONS", "1"));
                RawClient only = RawClient.identified(hub, "sharder")) {
            assertThat(get(hub, "/health")).startsWith("HTTP/1.1 503").contains("TOO_MANY_CONNECTIONS");
            only.heartbeat();
            assertThat(only.next().get("op").intValue()).isEqualTo(4);
        }
    }

    @Test
    void theDemoSecretIsOnlyServedOnLoopback() {
        assertThatThrownBy(() -> HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_DEMO", "true", "HUB_HOST", "0.0.0.0")))
                .isInstanceOf(ConfigException.class).hasMessageContaining("HUB_SECRET");
        assertThat(HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_DEMO", "true")).host()).isEqualTo("127.0.0.1");
        assertThat(HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_DEMO", "true", "HUB_HOST", "::1")).host())
                .isEqualTo("::1");
        assertThat(HubConfig.resolve(Map.of(), Map.of(), Map.of("HUB_SECRET", "real", "HUB_HOST", "0.0.0.0")).host())
                .isEqualTo("0.0.0.0");
    }
}
