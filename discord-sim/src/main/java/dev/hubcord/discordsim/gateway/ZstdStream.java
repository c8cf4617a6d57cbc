package dev.hubcord.discordsim.gateway;

import com.github.luben.zstd.EndDirective;
import com.github.luben.zstd.ZstdCompressCtx;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.List;

/**
 * {@code compress=zstd-stream}: ONE {@code ZSTD_CCtx} per connection and one never-ending zstd frame; each payload is
 * compressed with {@code ZSTD_e_flush} (never {@code ZSTD_e_end}), so only the first message carries the magic
 * number {@code 28 b5 2f fd}. Parameters are the ones said to be Discord's (level 7, windowLog 16, hashLog 15,
 * chainLog 15; third-party claim that affects size, not correctness).
 */
final class ZstdStream implements TransportCompression {

    private final ZstdCompressCtx ctx = new ZstdCompressCtx()
            .setLevel(7)
            .setWindowLog(16)
            .setHashLog(15)
            .setChainLog(15);
    private ByteBuffer src = ByteBuffer.allocateDirect(8 * 1024);
    private final ByteBuffer dst = ByteBuffer.allocateDirect(16 * 1024);
    private final byte[] copy = new byte[16 * 1024];

    @Override
    public List<Message> encode(byte[] json) {
        if (src.capacity() < json.length) {
            src = ByteBuffer.allocateDirect(Math.max(json.length, src.capacity() * 2));
        }
        src.clear();
        src.put(json).flip();
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 16);
        boolean flushed;
        do {
            dst.clear();
            // Returns true once ZSTD_compressStream2(ZSTD_e_flush) returned 0: all input consumed and flushed.
            flushed = ctx.compressDirectByteBufferStream(dst, src, EndDirective.FLUSH);
            dst.flip();
            int n = dst.remaining();
            dst.get(copy, 0, n);
            out.write(copy, 0, n);
        } while (!flushed || src.hasRemaining());
        return List.of(new Message(out.toByteArray(), true));
    }

    @Override
    public void close() {
        ctx.close();
    }

    @Override
    public String name() {
        return "zstd-stream";
    }
}
