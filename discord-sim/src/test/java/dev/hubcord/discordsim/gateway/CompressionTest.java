package dev.hubcord.discordsim.gateway;

import static dev.hubcord.discordsim.support.Payloads.INTENTS;
import static dev.hubcord.discordsim.support.Payloads.identify;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import dev.hubcord.discordsim.DiscordSim;
import dev.hubcord.discordsim.support.Payloads;
import dev.hubcord.discordsim.support.Sims;
import dev.hubcord.discordsim.support.TestGatewayClient;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Transport compression exactly as Discord frames it, decoded the way a client must: one context per connection. */
class CompressionTest {

    private static final byte[] SYNC_FLUSH = {0, 0, (byte) 0xff, (byte) 0xff};
    private static final byte[] ZSTD_MAGIC = {0x28, (byte) 0xb5, 0x2f, (byte) 0xfd};

    private DiscordSim sim;

    @BeforeEach
    void start() {
        sim = Sims.start();
    }

    @AfterEach
    void stop() {
        sim.close();
    }

    /** HELLO, IDENTIFY, READY, every GUILD_CREATE, then one heartbeat ACK: all decoded in order. */
    private List<byte[]> session(TestGatewayClient c) {
        assertEquals(10, c.next().path("op").asInt());
        c.send(identify(sim.token(), INTENTS, 0, 1));
        assertEquals("READY", c.next().path("t").asText());
        for (int i = 0; i < sim.population().guilds().size(); i++) {
            assertEquals("GUILD_CREATE", c.next().path("t").asText());
        }
        c.send(Payloads.heartbeat(7));
        assertEquals(11, c.next().path("op").asInt());
        return c.rawMessages();
    }

    private static boolean startsWith(byte[] b, byte[] prefix) {
        return b.length >= prefix.length && Arrays.equals(b, 0, prefix.length, prefix, 0, prefix.length);
    }

    private static boolean endsWith(byte[] b, byte[] suffix) {
        return b.length >= suffix.length && Arrays.equals(b, b.length - suffix.length, b.length, suffix, 0,
                suffix.length);
    }

    @Test
    void zlibStreamSharesOneDeflateContextAndSyncFlushesEachMessage() {
        try (TestGatewayClient c = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.ZLIB)) {
            List<byte[]> raw = session(c);
            assertEquals(sim.population().guilds().size() + 3, raw.size(), "one binary message per payload");
            assertEquals(0x78, raw.getFirst()[0] & 0xff, "zlib header only on the first message");
            assertEquals(0x9c, raw.getFirst()[1] & 0xff);
            raw.forEach(m -> assertTrue(endsWith(m, SYNC_FLUSH), "every message ends 00 00 ff ff"));
            assertFalse(startsWith(raw.get(1), new byte[] {0x78, (byte) 0x9c}));

            // A later message alone cannot be inflated: it depends on everything before it.
            Inflater fresh = new Inflater();
            assertThrows(DataFormatException.class, () -> TestGatewayClient.inflate(fresh, raw.get(2)));
            fresh.end();
        }
    }

    @Test
    void zstdStreamIsOneNeverEndingFrameFlushedPerMessage() throws Exception {
        try (TestGatewayClient c = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.ZSTD)) {
            List<byte[]> raw = session(c);
            assertTrue(startsWith(raw.getFirst(), ZSTD_MAGIC), "magic number on the first message");
            raw.subList(1, raw.size()).forEach(m -> assertFalse(startsWith(m, ZSTD_MAGIC), "no new frame"));

            // Replaying the bytes into one context reproduces the payloads; a later message alone does not decode.
            try (ZstdDecompressCtx again = new ZstdDecompressCtx(); ZstdDecompressCtx fresh = new ZstdDecompressCtx()) {
                byte[] hello = TestGatewayClient.unzstd(again, raw.getFirst());
                assertTrue(new String(hello, java.nio.charset.StandardCharsets.UTF_8).contains("\"op\":10"));
                assertThrows(ZstdException.class, () -> TestGatewayClient.unzstd(fresh, raw.get(2)));
            }
        }
    }

    @Test
    void zlibPayloadMaySpanTwoWebsocketMessages() {
        try (DiscordSim split = Sims.start(b -> b.zlibSplitMessages(true));
                TestGatewayClient c = TestGatewayClient.connect(split.gatewayUrl(),
                        TestGatewayClient.Compression.ZLIB)) {
            assertEquals(10, c.next().path("op").asInt());
            List<byte[]> raw = c.rawMessages();
            assertEquals(2, raw.size(), "HELLO arrived in two websocket messages");
            assertFalse(endsWith(raw.get(0), SYNC_FLUSH));
            assertTrue(endsWith(raw.get(1), SYNC_FLUSH));
        }
    }

    @Test
    void unknownCompressionIsRejected() {
        try (TestGatewayClient c = TestGatewayClient.connectRaw(sim.gatewayUrl() + "?v=10&encoding=json&compress=br",
                TestGatewayClient.Compression.NONE)) {
            assertEquals(4002, c.awaitClose());
        }
    }

    @Test
    void uncompressedPayloadsAreTextFramesOfPlainJson() {
        try (TestGatewayClient c = TestGatewayClient.connect(sim.gatewayUrl(), TestGatewayClient.Compression.NONE)) {
            c.next();
            assertArrayEquals("{\"t\":null,\"s\":null,\"op\":10,".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    Arrays.copyOf(c.rawMessages().getFirst(), 27), "real key order t, s, op, d");
        }
    }
}
