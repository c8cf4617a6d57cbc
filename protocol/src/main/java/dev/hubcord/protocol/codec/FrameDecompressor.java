package dev.hubcord.protocol.codec;

import io.netty.buffer.ByteBuf;

/**
 * Decompresses incoming binary frames of one connection, in order, refusing output past a limit
 * while it runs. Not thread-safe: one instance per connection and direction.
 */
public interface FrameDecompressor extends AutoCloseable {

    /**
     * Decompresses one frame's bytes into the payload they hold.
     *
     * @throws ProtocolException INVALID_JSON when the bytes do not decompress, TOO_LARGE when the
     *     output would pass the limit (nothing past the limit is produced)
     */
    byte[] decompress(ByteBuf frame);

    /** Frees native resources. */
    @Override
    void close();
}
