package dev.hubcord.protocol.codec;

import com.github.luben.zstd.ZstdDecompressCtx;
import com.github.luben.zstd.ZstdException;
import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;

/**
 * Reads one never-ending zstd stream, one flushed frame at a time, with a single long-lived
 * context. Output is produced in fixed chunks and counted as it comes, so a bomb stops at the limit.
 */
public final class ZstdStreamDecompressor implements FrameDecompressor {

    private static final int CHUNK = 64 * 1024;

    private final ZstdDecompressCtx ctx = new ZstdDecompressCtx();
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
