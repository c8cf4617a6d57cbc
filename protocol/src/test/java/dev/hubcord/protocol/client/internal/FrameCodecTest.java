package dev.hubcord.protocol.client.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.hubcord.protocol.Compression;
import dev.hubcord.protocol.Opcode;
import dev.hubcord.protocol.Payload;
import dev.hubcord.protocol.codec.Codecs;
import dev.hubcord.protocol.codec.FrameCompressor;
import dev.hubcord.protocol.codec.ProtocolException;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.Unpooled;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.DecoderException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class FrameCodecTest {

    private static final int LIMIT = 64 * 1024;

    private static EmbeddedChannel channel(Compression compression) {
        return new EmbeddedChannel(new FrameCodec(Codecs.decompressor(compression, LIMIT), LIMIT));
    }

    private static BinaryWebSocketFrame compressed(FrameCompressor compressor, String json) {
        byte[] bytes = json.getBytes(StandardCharsets.UTF_8);
        return new BinaryWebSocketFrame(compressor.compress(ByteBufAllocator.DEFAULT, bytes, 0, bytes.length));
    }

    @Test
    void textFramesDecodeToPayloadsAndBytesEncodeToTextFrames() {
        EmbeddedChannel ch = channel(Compression.NONE);
        ch.writeInbound(new TextWebSocketFrame("{\"op\":2,\"t\":\"RESUMED\",\"s\":9,\"d\":{\"replayed\":0}}"));
        Payload payload = ch.readInbound();
        assertEquals(Opcode.EVENT, payload.op());
        assertEquals("RESUMED", payload.t());
        assertEquals(9L, payload.s());
        ch.writeOutbound((Object) "{\"op\":1,\"d\":{}}".getBytes(StandardCharsets.UTF_8));
        TextWebSocketFrame out = ch.readOutbound();
        assertEquals("{\"op\":1,\"d\":{}}", out.text());
        out.release();
    }

    @ParameterizedTest
    @EnumSource(value = Compression.class, names = {"ZSTD", "ZLIB"})
    void binaryFramesDecodeInOrderWithTheNegotiatedScheme(Compression compression) {
        EmbeddedChannel ch = channel(compression);
        ch.writeInbound(new TextWebSocketFrame("{\"op\":3,\"d\":{\"heartbeatInterval\":1000}}"));
        assertEquals(Opcode.HELLO, ((Payload) ch.readInbound()).op());
        try (FrameCompressor compressor = Codecs.compressor(compression)) {
            for (int i = 1; i <= 50; i++) {
                ch.writeInbound(compressed(compressor, "{\"op\":2,\"t\":\"EXECUTE_COMMAND\",\"s\":" + i
                        + ",\"d\":{\"command\":\"ping\",\"n\":" + i + "}}"));
                Payload p = ch.readInbound();
                assertEquals(i, p.d().get("n").asInt());
            }
        }
        assertNull(ch.readInbound());
    }

    @Test
    void aBinaryFrameWithoutCompressionIsAProtocolError() {
        EmbeddedChannel ch = channel(Compression.NONE);
        var error = assertThrows(DecoderException.class,
                () -> ch.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {1, 2, 3}))));
        assertEquals(ProtocolException.Kind.INVALID_JSON,
                assertInstanceOf(ProtocolException.class, error.getCause()).kind());
    }

    @Test
    void garbageCompressedFrameAndInvalidJsonAreRefused() {
        EmbeddedChannel zstd = channel(Compression.ZSTD);
        var error = assertThrows(DecoderException.class,
                () -> zstd.writeInbound(new BinaryWebSocketFrame(Unpooled.wrappedBuffer(new byte[] {9, 9, 9, 9, 9}))));
        assertEquals(4004, ((ProtocolException) error.getCause()).closeCode().code());
        EmbeddedChannel text = channel(Compression.NONE);
        var json = assertThrows(DecoderException.class, () -> text.writeInbound(new TextWebSocketFrame("[1,2")));
        assertEquals(4004, ((ProtocolException) json.getCause()).closeCode().code());
        var noOp = assertThrows(DecoderException.class, () -> text.writeInbound(new TextWebSocketFrame("{\"d\":1}")));
        assertEquals(4005, ((ProtocolException) noOp.getCause()).closeCode().code());
    }

    @Test
    void aSmallFrameThatExpandsPastTheLimitIsStopped() {
        EmbeddedChannel ch = channel(Compression.ZLIB);
        String bomb = "{\"op\":2,\"t\":\"X\",\"s\":1,\"d\":\"" + "a".repeat(LIMIT * 4) + "\"}";
        try (FrameCompressor compressor = Codecs.compressor(Compression.ZLIB)) {
            BinaryWebSocketFrame frame = compressed(compressor, bomb);
            ByteBuf content = frame.content();
            assertEquals(true, content.readableBytes() < LIMIT / 10, "small on the wire: " + content.readableBytes());
            var error = assertThrows(DecoderException.class, () -> ch.writeInbound(frame));
            assertEquals(ProtocolException.Kind.TOO_LARGE, ((ProtocolException) error.getCause()).kind());
        }
        var text = assertThrows(DecoderException.class,
                () -> channel(Compression.NONE).writeInbound(new TextWebSocketFrame(bomb)));
        assertEquals(4010, ((ProtocolException) text.getCause()).closeCode().code());
    }

    @Test
    void closeFramesCarryTheHubsCodeAndReason() {
        EmbeddedChannel ch = channel(Compression.NONE);
        ch.writeInbound(new CloseWebSocketFrame(4009, "invalid session"));
        assertEquals(new HubClose(4009, "invalid session"), ch.readInbound());
    }
}
