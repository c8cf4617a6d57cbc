package dev.hubcord.hub.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.luben.zstd.Zstd;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import dev.hubcord.protocol.codec.ZstdStreamCompressor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every close code of contract section 8, provoked over a real socket; after each, a sharder and a
 * commands worker that stayed connected still exchange an event, proving the hub kept serving.
 */
class CloseCodesTest {

    private static TestHub hub;
    private static RawClient sharder;
    private static RawClient worker;

    @BeforeAll
    static void start() {
        hub = TestHub.start(Map.of("HUB_MAX_PAYLOAD_BYTES", "65536", "HUB_RATE_LIMIT", "200",
                "HUB_RATE_LIMIT_GRACE_MS", "300"));
        sharder = RawClient.identified(hub, "sharder");
        worker = RawClient.identified(hub, "commands");
    }

    @AfterAll
    static void stop() {
        sharder.close();
        worker.close();
        hub.close();
    }

    private static void provoke(int expectedCode, Consumer<RawClient> misbehave) {
        try (RawClient bad = RawClient.connectAndHello(hub)) {
            misbehave.accept(bad);
            RawClient.Close close = bad.expectClose(expectedCode);
            assertTrue(!close.reason().isBlank(), "a close reason is given");
        }
        assertOthersStillServed();
    }

    private static int counter;

    private static void assertOthersStillServed() {
        String id = "check-" + (++counter);
        sharder.event("EXECUTE_COMMAND", "{\"command\":\"" + id + "\",\"raw\":\"\",\"ids\":{}}");
        JsonNode event = worker.nextEvent();
        assertEquals(id, event.at("/d/command").asText());
        worker.ack(event.get("s").longValue());
    }

    private static String identify(String type, String secret) {
        return "{\"op\":0,\"d\":{\"type\":\"" + type + "\",\"secret\":\"" + secret + "\"}}";
    }

    @Test
    void notIdentified4000() {
        provoke(4000, c -> c.event("EXECUTE_COMMAND", "{}"));
    }

    @Test
    void heartbeatBeforeIdentifyIsAllowed() {
        try (RawClient c = RawClient.connectAndHello(hub)) {
            c.heartbeat();
            assertEquals(4, c.next().get("op").intValue());
            c.sendText(identify("commands", TestHub.SECRET));
            assertEquals("IDENTIFIED", c.next().get("t").asText());
            // ended, and gone, before the next test: an aborted worker still connected could take its check event
            c.close(1000);
        }
    }

    @Test
    void authenticationFailed4001() {
        provoke(4001, c -> c.sendText(identify("commands", "wrong")));
        provoke(4001, c -> c.sendText("{\"op\":0,\"d\":{\"type\":\"commands\"}}"));
        provoke(4001, c -> c.sendText("{\"op\":6,\"d\":{\"session\":\"x\",\"seq\":0,\"secret\":\"nope\"}}"));
    }

    @Test
    void alreadyIdentified4002() {
        provoke(4002, c -> {
            c.sendText(identify("commands", TestHub.SECRET));
            c.next();
            c.sendText(identify("commands", TestHub.SECRET));
        });
    }

    @Test
    void unknownOpcode4003() {
        provoke(4003, c -> c.send(9, null, "null"));
        provoke(4003, c -> c.send(3, null, "{}"));
        provoke(4003, c -> c.send(-1, null, "{}"));
    }

    @Test
    void cacheFromNonSharder4003() {
        provoke(4003, c -> {
            c.sendText(identify("audio", TestHub.SECRET));
            c.next();
            c.send(5, null, "{\"type\":\"user\",\"id\":\"1\"}");
        });
        provoke(4003, c -> {
            c.sendText(identify("commands", TestHub.SECRET));
            c.next();
            c.send(5, null, "{\"type\":\"guild\",\"id\":\"1\"}");
        });
        provoke(4003, c -> {
            c.sendText(identify("commands", TestHub.SECRET));
            c.next();
            c.send(5, null, "{\"type\":\"member\",\"delete\":true,\"id\":\"1\",\"guildID\":\"2\"}");
        });
    }

    @Test
    void invalidJson4004() {
        provoke(4004, c -> c.sendText("{\"op\":1,"));
        provoke(4004, c -> c.sendText("not json at all"));
        provoke(4004, c -> c.sendText("{\"op\":1,\"d\":null} trailing"));
    }

    @Test
    void binaryWithoutCompression4004() {
        provoke(4004, c -> c.sendBinary(new byte[] {1, 2, 3}));
    }

    @Test
    void garbageBinaryOnZstdSession4004() {
        provoke(4004, c -> {
            c.identify("commands", "true", null);
            c.next();
            byte[] garbage = new byte[256];
            new java.util.Random(7).nextBytes(garbage);
            c.sendBinary(garbage);
        });
    }

    @Test
    void garbageBinaryOnZlibSession4004() {
        provoke(4004, c -> {
            c.identify("commands", "\"zlib\"", null);
            c.next();
            c.sendBinary(new byte[] {0x78, (byte) 0x9c, 1, 2, 3, 4, 5});
        });
    }

    @Test
    void invalidPayload4005() {
        provoke(4005, c -> c.sendText("{\"op\":1}"));
        provoke(4005, c -> c.sendText("{\"d\":null}"));
        provoke(4005, c -> c.sendText("{\"op\":\"1\",\"d\":null}"));
        provoke(4005, c -> c.sendText("[1,2]"));
        provoke(4005, c -> c.sendText("{\"op\":0,\"d\":{\"type\":7,\"secret\":\"" + TestHub.SECRET + "\"}}"));
        provoke(4005, c -> c.sendText(identify("mystery", TestHub.SECRET)));
        provoke(4005, c -> c.sendText("{\"op\":0,\"d\":{\"type\":\"sharder\",\"secret\":\"" + TestHub.SECRET
                + "\",\"compress\":42}}"));
        provoke(4005, c -> {
            c.sendText(identify("sharder", TestHub.SECRET));
            c.next();
            c.event("NO_SUCH_EVENT", "{}");
        });
        provoke(4005, c -> {
            c.sendText(identify("sharder", TestHub.SECRET));
            c.next();
            c.event("EXECUTE_COMMAND", "[1]");
        });
        provoke(4005, c -> {
            c.sendText(identify("commands", TestHub.SECRET));
            c.next();
            c.ack(-5);
        });
        provoke(4005, c -> {
            c.sendText(identify("commands", TestHub.SECRET));
            c.next();
            c.send(7, null, "{\"s\":\"12\"}");
        });
        provoke(4005, c -> {
            c.sendText(identify("commands", TestHub.SECRET));
            c.next();
            c.event("PLAYER_PLAY", "{\"guildID\":\"not-a-number\"}");
        });
        provoke(4005, c -> {
            c.sendText(identify("commands", TestHub.SECRET));
            c.next();
            c.event("GATEWAY_SEND", "{\"guildID\":\"41771983423143937\",\"op\":2,\"d\":{}}");
        });
        provoke(4005, c -> {
            c.sendText(identify("commands", TestHub.SECRET));
            c.next();
            c.send(1, null, "{\"heapUsed\":\"lots\"}");
        });
    }

    @Test
    void cantSend4006() {
        provoke(4006, c -> {
            c.sendText(identify("commands", TestHub.SECRET));
            c.next();
            c.event("EXECUTE_COMMAND", "{\"command\":\"x\"}");
        });
        provoke(4006, c -> {
            c.sendText(identify("audio", TestHub.SECRET));
            c.next();
            c.event("IDENTIFY_REQUEST", "{\"shard\":0}");
        });
    }

    @Test
    void rateLimited4008WhenStayingOverTheRate() {
        // 200/s with bursts of 400: 2,000 heartbeats keep the client over the rate for far longer than the 300 ms grace
        provoke(4008, c -> {
            try {
                for (int i = 0; i < 2000 && !c.isClosed(); i++) {
                    c.heartbeat();
                }
            } catch (java.util.concurrent.CompletionException closedWhileSending) {
                // the hub closed the connection mid-flood: what the test expects; the close code is checked next
            }
        });
    }

    @Test
    void invalidSession4009() {
        provoke(4009, c -> c.sendText("{\"op\":6,\"d\":{\"secret\":\"" + TestHub.SECRET
                + "\",\"session\":\"00000000-0000-0000-0000-000000000000\",\"seq\":0}}"));
    }

    @Test
    void payloadTooLarge4010() {
        char[] big = new char[70_000];
        Arrays.fill(big, 'x');
        provoke(4010, c -> c.sendText("{\"op\":1,\"d\":{\"pad\":\"" + new String(big) + "\"}}"));
    }

    @Test
    void zstdBombIsRefusedWithoutExpanding4010() {
        byte[] zeros = new byte[256 << 20];
        ByteBuf bomb;
        try (ZstdStreamCompressor compressor = new ZstdStreamCompressor(19)) {
            bomb = compressor.compress(ByteBufAllocator.DEFAULT, zeros, 0, zeros.length);
        }
        byte[] frame = ByteBufUtil.getBytes(bomb);
        bomb.release();
        assertTrue(frame.length < 64 * 1024, "the bomb is small: " + frame.length);
        assertTrue(Zstd.compressBound(zeros.length) > frame.length);
        provoke(4010, c -> {
            c.identify("commands", "true", null);
            c.next();
            c.sendBinary(frame);
        });
    }

    @Test
    void noHeartbeat4007() {
        try (TestHub fast = TestHub.start(Map.of("HUB_HEARTBEAT_INTERVAL_MS", "200"));
                RawClient silent = RawClient.connectAndHello(fast)) {
            long start = System.nanoTime();
            silent.expectClose(4007);
            long elapsedMs = (System.nanoTime() - start) / 1_000_000;
            assertTrue(elapsedMs >= 300, "not closed before twice the interval: " + elapsedMs);
        }
        assertOthersStillServed();
    }

    @Test
    void heartbeatsKeepAConnectionAlive() {
        try (TestHub fast = TestHub.start(Map.of("HUB_HEARTBEAT_INTERVAL_MS", "200"));
                RawClient beating = RawClient.connectAndHello(fast)) {
            long end = System.nanoTime() + Duration.ofMillis(1200).toNanos();
            while (System.nanoTime() < end) {
                beating.heartbeat();
                assertEquals(4, beating.next().get("op").intValue());
                org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(150)).until(() -> true);
            }
            assertTrue(!beating.isClosed(), "a client that heartbeats is not closed");
        }
    }
}
