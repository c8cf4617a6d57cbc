package dev.hubcord.protocol.codec;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.Zstd;
import com.github.luben.zstd.ZstdCompressCtx;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.nio.ByteBuffer;

/**
 * One never-ending zstd stream: every payload is compressed into the same context and flushed, so
 * each frame decodes only after the ones before it (Discord's {@code zstd-stream} scheme). Sharing
 * the context is what makes small, similar payloads compress well.
 */
public final class ZstdStreamCompressor implements FrameCompressor {

    private final ZstdCompressCtx ctx = new ZstdCompressCtx();
    private ByteBuffer input = ByteBuffer.allocateDirect(16 * 1024);

    public ZstdStreamCompressor(int level) {
        ctx.setLevel(level);
    }

    public ZstdStreamCompressor() {
        this(3);
    }

    @Override
    public ByteBuf compress(ByteBufAllocator alloc, byte[] payload, int offset, int length) {
        if (input.capacity() < length) {
            input = ByteBuffer.allocateDirect(Math.max(length, input.capacity() * 2));
        }
        input.clear();
        input.put(payload, offset, length).flip();
        ByteBuf out = alloc.directBuffer((int) Zstd.compressBound(length) + 64);
        try {
            while (true) {
                ByteBuffer dst = out.nioBuffer(out.writerIndex(), out.writableBytes());
                boolean flushed = ctx.compressDirectByteBufferStream(dst, input, EndDirective.FLUSH);
                out.writerIndex(out.writerIndex() + dst.position());
                if (flushed && !input.hasRemaining()) {
                    return out;
                }
                out.ensureWritable(4096);
            }
        } catch (RuntimeException e) {
            out.release();
            throw e;
        }
    }

    @Override
    public void close() {
        ctx.close();
    }
}
