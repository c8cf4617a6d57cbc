package dev.hubcord.hub.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.testing.RawClient;
import dev.hubcord.hub.testing.TestHub;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.protocol.codec.ProtocolException;
import dev.hubcord.protocol.codec.ZlibCompressor;
import dev.hubcord.protocol.codec.ZlibDecompressor;
import dev.hubcord.protocol.codec.ZstdStreamCompressor;
import dev.hubcord.protocol.codec.ZstdStreamDecompressor;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Both compression schemes on a real session, decoded the way a client in another language would. */
class CompressionTest {

    private static String command(int i) {
        return "{\"command\":\"ping\",\"raw\":\"number " + i + "\",\"ids\":{\"message\":\"" + (900000 + i) + "\"}}";
    }

    @Test
    void zstdSessionDecodesWithOneStreamingContextButNotFrameByFrame() throws Exception {
        try (TestHub hub = TestHub.start();
                RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient worker = RawClient.identified(hub, "commands", "true", null)) {
            for (int i = 0; i < 20; i++) {
                sharder.event("EXECUTE_COMMAND", command(i));
            }
            for (int i = 0; i < 20; i++) {
                assertThat(worker.nextEvent().at("/d/raw").asText()).isEqualTo("number " + i);
            }
            List<RawClient.Frame> frames = worker.rawFrames();
            // HELLO is text; IDENTIFIED and everything after is binary
            assertThat(frames.getFirst().isBinary()).isFalse();
            assertThat(frames.subList(1, frames.size())).allMatch(RawClient.Frame::isBinary);
            // one long-lived context decodes every frame in order
            try (ZstdStreamDecompressor stream = new ZstdStreamDecompressor(1 << 20)) {
                for (RawClient.Frame f : frames.subList(1, frames.size())) {
                    JsonNode payload = Json.mapper().readTree(stream.decompress(Unpooled.wrappedBuffer(f.binary())));
                    assertThat(payload.has("op")).isTrue();
                }
            }
            // a later frame on its own, with a fresh context, does not decode: it depends on the stream before it
            RawClient.Frame later = frames.get(frames.size() - 1);
            try (ZstdStreamDecompressor fresh = new ZstdStreamDecompressor(1 << 20)) {
                assertThatThrownBy(() -> fresh.decompress(Unpooled.wrappedBuffer(later.binary())))
                        .isInstanceOf(ProtocolException.class);
            }
            // and the shared stream pays: a later event, similar to those before it, is far smaller than its JSON
            int laterJsonLength = ("{\"op\":2,\"t\":\"EXECUTE_COMMAND\",\"s\":21,\"d\":" + command(19) + "}").length();
            assertThat(later.binary().length).isLessThan(laterJsonLength / 3);
        }
    }

    @Test
    void zlibSessionHasOneCompleteStreamPerFrame() {
        try (TestHub hub = TestHub.start();
                RawClient sharder = RawClient.identified(hub, "sharder");
                RawClient worker = RawClient.identified(hub, "commands", "\"zlib\"", null)) {
            for (int i = 0; i < 5; i++) {
                sharder.event("EXECUTE_COMMAND", command(i));
            }
            for (int i = 0; i < 5; i++) {
                assertThat(worker.nextEvent().at("/d/raw").asText()).isEqualTo("number " + i);
            }
            List<RawClient.Frame> frames = worker.rawFrames();
            assertThat(frames.subList(1, frames.size())).allMatch(RawClient.Frame::isBinary);
            // each frame is a whole zlib stream (RFC 1950 header 0x78) that decodes alone, in any order
            for (RawClient.Frame f : frames.reversed().subList(0, frames.size() - 1)) {
                assertThat(f.binary()[0]).isEqualTo((byte) 0x78);
                try (ZlibDecompressor alone = new ZlibDecompressor(1 << 20)) {
                    String json = new String(alone.decompress(Unpooled.wrappedBuffer(f.binary())), StandardCharsets.UTF_8);
                    assertThat(json).startsWith("{\"op\":");
                }
            }
        }
    }

    @Test
    void clientsMaySendCompressedFramesInTheirOwnDirection() {
        try (TestHub hub = TestHub.start();
                RawClient sharder = RawClient.identified(hub, "sharder", "true", null);
                RawClient zlibSharder = RawClient.identified(hub, "sharder", "\"zlib\"", null);
                RawClient worker = RawClient.identified(hub, "commands")) {
            try (ZstdStreamCompressor stream = new ZstdStreamCompressor()) {
                for (int i = 0; i < 3; i++) {
                    sharder.sendBinary(bytes(stream.compress(ByteBufAllocator.DEFAULT, payload(i), 0, payload(i).length)));
                }
            }
            try (ZlibCompressor zlib = new ZlibCompressor()) {
                zlibSharder.sendBinary(bytes(zlib.compress(ByteBufAllocator.DEFAULT, payload(3), 0, payload(3).length)));
            }
            // two connections: order is kept within each, not between them
            List<String> got = new java.util.ArrayList<>();
            for (int i = 0; i < 4; i++) {
                got.add(worker.nextEvent().at("/d/raw").asText());
            }
            assertThat(got).containsExactlyInAnyOrder("number 0", "number 1", "number 2", "number 3");
            assertThat(got.stream().filter(r -> !r.equals("number 3")).toList())
                    .containsExactly("number 0", "number 1", "number 2");
            // text frames stay allowed on a compressed session
            sharder.event("EXECUTE_COMMAND", command(4));
            assertThat(worker.nextEvent().at("/d/raw").asText()).isEqualTo("number 4");
        }
    }

    private static byte[] payload(int i) {
        return ("{\"op\":2,\"t\":\"EXECUTE_COMMAND\",\"d\":" + command(i) + "}").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuf buf) {
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }
}
