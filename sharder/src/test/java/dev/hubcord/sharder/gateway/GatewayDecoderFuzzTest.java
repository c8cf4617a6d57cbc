package dev.hubcord.sharder.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubcord.sharder.config.GatewayCompression;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * Fuzz targets for the transport decompression of Discord's gateway ({@code zlib-stream} and
 * {@code zstd-stream}): the messages of one connection go through one decoder, which either returns
 * a payload no larger than the limit, returns {@code null} (the payload continues), or throws
 * {@link GatewayDecoder.GatewayDecodeException} (the connection is dropped and resumed). Anything
 * else is a finding. Input: messages, each a two-byte big-endian length and that many bytes.
 */
class GatewayDecoderFuzzTest {

    /** Below the decoders' 64 KiB working buffer, so that the limit, not the buffer, is what bounds a payload. */
    private static final int LIMIT = 16 * 1024;

    @FuzzTest
    void zlibStream(byte[] data) {
        decodeMessages(GatewayCompression.ZLIB_STREAM, data);
    }

    @FuzzTest
    void zstdStream(byte[] data) {
        decodeMessages(GatewayCompression.ZSTD_STREAM, data);
    }

    private static void decodeMessages(GatewayCompression compression, byte[] data) {
        try (GatewayDecoder decoder = GatewayDecoder.create(compression, LIMIT)) {
            int at = 0;
            while (at < data.length) {
                int length = at + 2 <= data.length ? ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF) : 0;
                at = Math.min(at + 2, data.length);
                length = Math.min(length, data.length - at);
                byte[] message = Arrays.copyOfRange(data, at, at + length);
                at += length;
                byte[] payload;
                try {
                    payload = decoder.decode(Unpooled.wrappedBuffer(message));
                } catch (GatewayDecoder.GatewayDecodeException expected) {
                    return;
                }
                if (payload != null) {
                    assertThat(payload.length).isLessThanOrEqualTo(LIMIT);
                }
            }
        }
    }
}
