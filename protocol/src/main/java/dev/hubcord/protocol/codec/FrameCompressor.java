package dev.hubcord.protocol.codec;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/**
 * Compresses outgoing payloads of one connection, in order. Not thread-safe: one instance per
 * connection and direction, used from one thread (the connection's event loop).
 */
public interface FrameCompressor extends AutoCloseable {

    /** Compresses one payload into a new buffer holding exactly one binary frame's bytes. */
    ByteBuf compress(ByteBufAllocator alloc, byte[] payload, int offset, int length);

    /** Frees native resources. */
    @Override
    void close();
}
