package dev.hubcord.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufUtil;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/** Reads per-message zlib frames: each frame must be exactly one complete zlib stream. */
public final class ZlibDecompressor implements FrameDecompressor {

    private static final int CHUNK = 64 * 1024;

    private final Inflater inflater = new Inflater();
    private final BoundedOutput output;

    public ZlibDecompressor(int maxPayloadBytes) {
        this.output = new BoundedOutput(maxPayloadBytes, 4096);
    }

    @Override
    public byte[] decompress(ByteBuf frame) {
        inflater.reset();
        inflater.setInput(ByteBufUtil.getBytes(frame));
        output.reset();
        try {
            while (!inflater.finished()) {
                output.ensure(Math.min(CHUNK, Math.max(1, output.remaining())));
                int n = inflater.inflate(output.array(), output.size(), Math.min(CHUNK, output.remaining()));
                output.advance(n);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new ProtocolException(ProtocolException.Kind.INVALID_JSON, "frame is not a complete zlib stream");
                }
            }
        } catch (DataFormatException e) {
            throw new ProtocolException(
                    ProtocolException.Kind.INVALID_JSON, "frame does not decompress: " + e.getMessage(), e);
        }
        return output.toByteArray();
    }

    @Override
    public void close() {
        inflater.end();
    }
}
