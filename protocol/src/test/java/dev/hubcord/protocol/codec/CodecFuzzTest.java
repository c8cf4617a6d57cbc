package dev.hubcord.protocol.codec;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.hubcord.protocol.Payload;
import io.netty.buffer.Unpooled;
import java.util.Arrays;

/**
 * Fuzz targets for every decoder of the hub protocol that reads bytes from the network: the hub's
 * envelope scanner, the clients' whole-payload codec, and the two frame decompressors. Each input
 * either decodes or raises {@link ProtocolException} (whose kind becomes the close code); any other
 * exception, a hang or an allocation past Jazzer's limits is a finding. In {@code ./mvnw verify}
 * these run once over the committed inputs under {@code CodecFuzzTestInputs/}; {@code scripts/fuzz.sh}
 * fuzzes them.
 */
class CodecFuzzTest {

    /** Small on purpose, so that bombs reach it quickly; the checks do not depend on the value. */
    private static final int LIMIT = 64 * 1024;

    @FuzzTest
    void envelopeScanner(byte[] data) {
        Envelope e;
        try {
            e = EnvelopeScanner.scan(data);
        } catch (ProtocolException expected) {
            return;
        }
        // d's range must lie inside the payload: the hub forwards exactly these bytes.
        assertThat(e.dStart()).isBetween(0, data.length);
        assertThat(e.dEnd()).isBetween(e.dStart(), data.length);
        e.dText();
    }

    @FuzzTest
    void payloadCodec(byte[] data) {
        Payload p;
        try {
            p = PayloadCodec.decode(data);
        } catch (ProtocolException expected) {
            return;
        }
        assertThat(p.op()).isNotNull();
        // Whatever decoded must encode again and decode to the same payload.
        assertThat(PayloadCodec.decode(PayloadCodec.encode(p))).isEqualTo(p);
    }

    @FuzzTest
    void zlibFrames(byte[] data) {
        try (ZlibDecompressor d = new ZlibDecompressor(LIMIT)) {
            decompressFrames(d, data);
        }
    }

    @FuzzTest
    void zstdStream(byte[] data) {
        try (ZstdStreamDecompressor d = new ZstdStreamDecompressor(LIMIT)) {
            decompressFrames(d, data);
        }
    }

    /**
     * Feeds the input's frames through one decompressor, as a connection does, until the first error.
     * The input is a sequence of frames, each a two-byte big-endian length and that many bytes (the
     * last one takes what is left): a layout the committed seeds can be written in.
     */
    private static void decompressFrames(FrameDecompressor d, byte[] data) {
        int at = 0;
        while (at < data.length) {
            int length = at + 2 <= data.length ? ((data[at] & 0xFF) << 8) | (data[at + 1] & 0xFF) : 0;
            at = Math.min(at + 2, data.length);
            length = Math.min(length, data.length - at);
            byte[] frame = Arrays.copyOfRange(data, at, at + length);
            at += length;
            byte[] out;
            try {
                out = d.decompress(Unpooled.wrappedBuffer(frame));
            } catch (ProtocolException expected) {
                return; // the connection is closed with the kind's close code
            }
            assertThat(out.length).isBetween(1, LIMIT);
        }
    }
}
