package dev.hubcord.sharder.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.netty.buffer.Unpooled;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.Deflater;
import org.junit.jupiter.api.Test;

/** zlib-stream as Discord sends it: one deflater, a sync flush per payload, later payloads depend on earlier ones. */
class ZlibStreamDecoderTest {

    private final Deflater deflater = new Deflater();
    private final ZlibStreamDecoder decoder = new ZlibStreamDecoder(1024 * 1024);

    private byte[] compress(String json) {
        deflater.setInput(json.getBytes(StandardCharsets.UTF_8));
        byte[] buf = new byte[64 * 1024];
        int n = deflater.deflate(buf, 0, buf.length, Deflater.SYNC_FLUSH);
        return Arrays.copyOf(buf, n);
    }

    private String decode(byte[] message) {
        byte[] out = decoder.decode(Unpooled.wrappedBuffer(message));
        return out == null ? null : new String(out, StandardCharsets.UTF_8);
    }

    @Test
    void decodesConsecutivePayloadsOfOneContext() {
        String hello = "{\"op\":10,\"d\":{\"heartbeat_interval\":41250}}";
        String ready = "{\"op\":0,\"t\":\"READY\",\"s\":1,\"d\":{\"heartbeat_interval\":41250,\"v\":10}}";
        byte[] first = compress(hello);
        byte[] second = compress(ready);
        assertThat(first[0]).isEqualTo((byte) 0x78);
        assertThat(second[0]).as("only the first message carries the zlib header").isNotEqualTo((byte) 0x78);
        assertThat(decode(first)).isEqualTo(hello);
        assertThat(decode(second)).isEqualTo(ready);
    }

    @Test
    void aPayloadSplitOverTwoMessagesIsDecodedOnceComplete() {
        String big = "{\"op\":0,\"d\":\"" + "x".repeat(10_000) + "\"}";
        byte[] all = compress(big);
        assertThat(decode(Arrays.copyOfRange(all, 0, all.length / 2))).isNull();
        assertThat(decode(Arrays.copyOfRange(all, all.length / 2, all.length))).isEqualTo(big);
    }

    @Test
    void garbageAndBombsAreRefused() {
        assertThatThrownBy(() -> decode(new byte[] {1, 2, 3, 0, 0, (byte) 0xff, (byte) 0xff}))
                .isInstanceOf(GatewayDecoder.GatewayDecodeException.class);
        ZlibStreamDecoder small = new ZlibStreamDecoder(64 * 1024);
        byte[] bomb = compress("{\"d\":\"" + "a".repeat(1_000_000) + "\"}");
        assertThat(bomb.length).isLessThan(64 * 1024);
        assertThatThrownBy(() -> small.decode(Unpooled.wrappedBuffer(bomb)))
                .isInstanceOf(GatewayDecoder.GatewayDecodeException.class).hasMessageContaining("over");
    }

    @Test
    void aLimitBelowTheWorkingBufferHoldsAndExactlyTheLimitPasses() {
        // Regression (fuzzing): with a limit under 64 KiB, payloads up to 64 KiB came through.
        ZlibStreamDecoder limited = new ZlibStreamDecoder(16 * 1024);
        String exact = "{\"d\":\"" + "a".repeat(16 * 1024 - 8) + "\"}";
        assertThat(exact).hasSize(16 * 1024);
        assertThat(limited.decode(Unpooled.wrappedBuffer(compress(exact)))).hasSize(16 * 1024);
        byte[] over = compress("{\"d\":\"" + "a".repeat(20_000) + "\"}");
        assertThatThrownBy(() -> limited.decode(Unpooled.wrappedBuffer(over)))
                .isInstanceOf(GatewayDecoder.GatewayDecodeException.class).hasMessageContaining("over");
    }
}
