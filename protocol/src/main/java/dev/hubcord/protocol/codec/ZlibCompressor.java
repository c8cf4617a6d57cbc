package dev.hubcord.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;
import java.util.zip.Deflater;

/** Per-message zlib: every payload becomes one complete RFC 1950 stream (Oxyl's scheme). */
public final class ZlibCompressor implements FrameCompressor {

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION);
    private byte[] buffer = new byte[8192];

    @Override
    public ByteBuf compress(ByteBufAllocator alloc, byte[] payload, int offset, int length) {
        deflater.reset();
        deflater.setInput(payload, offset, length);
        deflater.finish();
        ByteBuf out = alloc.heapBuffer(length / 2 + 64);
        while (!deflater.finished()) {
            int n = deflater.deflate(buffer);
            out.writeBytes(buffer, 0, n);
            if (n == buffer.length && buffer.length < 1 << 20) {
                buffer = new byte[buffer.length * 2];
            }
        }
        return out;
    }

    @Override
    public void close() {
        deflater.end();
    }
}
