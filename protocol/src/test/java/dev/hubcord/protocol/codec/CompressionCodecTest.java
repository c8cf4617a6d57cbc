package dev.hubcord.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CompressionCodecTest {

    private static byte[] payload(int i) {
        return ("{\"op\":2,\"t\":\"EXECUTE_COMMAND\",\"s\":" + i + ",\"d\":{\"command\":\"ping\",\"raw\":\"" + i + "\"}}")
                .getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] bytes(ByteBuf buf) {
        try {
            return ByteBufUtil.getBytes(buf);
        } finally {
            buf.release();
        }
    }

    @Test
    void zstdStreamRoundTripsInOrderAndLaterFramesNeedTheEarlierOnes() {
        List<byte[]> frames = new ArrayList<>();
        try (ZstdStreamCompressor c = new ZstdStreamCompressor()) {
            for (int i = 0; i < 50; i++) {
                frames.add(bytes(c.compress(ByteBufAllocator.DEFAULT, payload(i), 0, payload(i).length)));
            }
        }
        try (ZstdStreamDecompressor d = new ZstdStreamDecompressor(1 << 20)) {
            for (int i = 0; i < 50; i++) {
                assertThat(d.decompress(Unpooled.wrappedBuffer(frames.get(i)))).isEqualTo(payload(i));
            }
        }
        assertThat(frames.get(49).length).isLessThan(payload(49).length / 2);
        try (ZstdStreamDecompressor fresh = new ZstdStreamDecompressor(1 << 20)) {
            assertThatThrownBy(() -> fresh.decompress(Unpooled.wrappedBuffer(frames.get(49))))
                    .isInstanceOf(ProtocolException.class);
        }
    }

    @Test
    void largePayloadsSpanManyOutputChunks() {
        byte[] big = new byte[3 << 20];
        new Random(1).nextBytes(big);
        try (ZstdStreamCompressor c = new ZstdStreamCompressor();
                ZstdStreamDecompressor d = new ZstdStreamDecompressor(4 << 20)) {
            byte[] frame = bytes(c.compress(ByteBufAllocator.DEFAULT, big, 0, big.length));
            assertThat(d.decompress(Unpooled.wrappedBuffer(frame))).isEqualTo(big);
        }
    }

    @Test
    void zstdBombStopsAtTheLimit() {
        byte[] zeros = new byte[64 << 20];
        try (ZstdStreamCompressor c = new ZstdStreamCompressor(19);
                ZstdStreamDecompressor d = new ZstdStreamDecompressor(1 << 20)) {
            byte[] bomb = bytes(c.compress(ByteBufAllocator.DEFAULT, zeros, 0, zeros.length));
            assertThat(bomb.length).isLessThan(16 * 1024);
            assertThatThrownBy(() -> d.decompress(Unpooled.wrappedBuffer(bomb)))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.TOO_LARGE));
        }
    }

    @Test
    void zlibFramesAreIndependentAndBounded() {
        try (ZlibCompressor c = new ZlibCompressor(); ZlibDecompressor d = new ZlibDecompressor(1 << 20)) {
            byte[] f1 = bytes(c.compress(ByteBufAllocator.DEFAULT, payload(1), 0, payload(1).length));
            byte[] f2 = bytes(c.compress(ByteBufAllocator.DEFAULT, payload(2), 0, payload(2).length));
            assertThat(d.decompress(Unpooled.wrappedBuffer(f2))).isEqualTo(payload(2));
            assertThat(d.decompress(Unpooled.wrappedBuffer(f1))).isEqualTo(payload(1));
            byte[] zeros = new byte[32 << 20];
            byte[] bomb = bytes(c.compress(ByteBufAllocator.DEFAULT, zeros, 0, zeros.length));
            assertThatThrownBy(() -> d.decompress(Unpooled.wrappedBuffer(bomb)))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.TOO_LARGE));
            byte[] truncated = java.util.Arrays.copyOf(f1, f1.length - 3);
            assertThatThrownBy(() -> d.decompress(Unpooled.wrappedBuffer(truncated)))
                    .isInstanceOfSatisfying(ProtocolException.class, e -> assertThat(e.kind()).isEqualTo(ProtocolException.Kind.INVALID_JSON));
        }
    }

    /** A zstd frame of one raw block holding {@code {}}, whose header declares a window of 2^windowLog bytes. */
    private static byte[] frameWithWindow(int windowLog) {
        return new byte[] {0x28, (byte) 0xB5, 0x2F, (byte) 0xFD, 0x00, (byte) ((windowLog - 10) << 3), 0x11, 0x00, 0x00,
            '{', '}'};
    }

    @Test
    void aZstdStreamMayNotDeclareAWindowPastTheCap() {
        // Regression (fuzzing): the window is kept across frames, so a 2^27 window let a few KB of input pin 128 MiB.
        try (ZstdStreamDecompressor d = new ZstdStreamDecompressor(1 << 20)) {
            assertThat(d.decompress(Unpooled.wrappedBuffer(frameWithWindow(ZstdStreamDecompressor.MAX_WINDOW_LOG))))
                    .isEqualTo("{}".getBytes(StandardCharsets.UTF_8));
        }
        try (ZstdStreamDecompressor d = new ZstdStreamDecompressor(1 << 20)) {
            assertThatThrownBy(() -> d.decompress(Unpooled.wrappedBuffer(frameWithWindow(27))))
                    .isInstanceOf(ProtocolException.class)
                    .hasMessageContaining("too much memory")
                    .extracting(e -> ((ProtocolException) e).kind())
                    .isEqualTo(ProtocolException.Kind.INVALID_JSON);
        }
    }
}
