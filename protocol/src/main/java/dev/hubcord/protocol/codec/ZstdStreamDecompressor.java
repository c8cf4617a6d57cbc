package dev.hubcord.protocol.codec;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * Reads one never-ending zstd stream, one flushed frame at a time, with a single long-lived
 * context. Output is produced in fixed chunks and counted as it comes, so a bomb stops at the limit.
 * The window a stream may declare is capped at {@link #MAX_WINDOW_LOG}: the window is history kept
 * across frames, so without the cap a peer could make the context hold zstd's default maximum of
 * 128 MiB with a few kilobytes of input (found by fuzzing; see {@code docs/benchmarks.md}).
 */
public final class ZstdStreamDecompressor implements FrameDecompressor {

    private static final int CHUNK = 64 * 1024;
    /** 8 MiB: the window every zstd decoder is expected to support (RFC 8878); our compressors use 2 MiB. */
    public static final int MAX_WINDOW_LOG = 23;

    private final ZstdDecompressCtx ctx = new ZstdDecompressCtx().setLongMax(MAX_WINDOW_LOG);
    private final ByteBuffer chunk = ByteBuffer.allocateDirect(CHUNK);
    private final BoundedOutput output;
    private ByteBuffer input = ByteBuffer.allocateDirect(16 * 1024);

    public ZstdStreamDecompressor(int maxPayloadBytes) {
        this.output = new BoundedOutput(maxPayloadBytes, 4096);
    }

    @Override
    public byte[] decompress(ByteBuf frame) {
        int length = frame.readableBytes();
        if (input.capacity() < length) {
            input = ByteBuffer.allocateDirect(Math.max(length, input.capacity() * 2));
        }
        input.clear();
        frame.getBytes(frame.readerIndex(), input.limit(length));
        input.flip();
        output.reset();
        try {
            int produced;
            do {
                chunk.clear();
                ctx.decompressDirectByteBufferStream(chunk, input);
                produced = chunk.position();
                if (produced > 0) {
                    output.ensure(produced);
                    chunk.flip();
                    chunk.get(output.array(), output.size(), produced);
                    output.advance(produced);
                }
            } while (input.hasRemaining() || produced == CHUNK);
        } catch (ZstdException e) {
            throw new ProtocolException(
                    ProtocolException.Kind.INVALID_JSON, "frame does not decompress: " + e.getMessage(), e);
        }
        if (output.size() == 0) {
            throw new ProtocolException(ProtocolException.Kind.INVALID_JSON, "frame decompressed to nothing");
        }
        return output.toByteArray();
    }

    @Override
    public void close() {
        ctx.close();
    }
}
