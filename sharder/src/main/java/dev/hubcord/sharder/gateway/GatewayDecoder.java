package dev.hubcord.sharder.gateway;

import dev.hubcord.sharder.config.GatewayCompression;
import io.netty.buffer.ByteBuf;

/**
 * Turns a connection's binary WebSocket messages back into gateway payloads. One instance per
 * connection: both of Discord's transport compressions keep one context for the connection's
 * whole life, so a message cannot be decoded without every earlier one.
 */
sealed interface GatewayDecoder extends AutoCloseable permits ZlibStreamDecoder, ZstdStreamDecoder {

    /**
     * Decodes one binary message.
     *
     * @return the payload's JSON bytes, or {@code null} when the payload continues in the next message
     * @throws GatewayDecodeException when the bytes do not decompress or the payload exceeds the limit
     */
    byte[] decode(ByteBuf message);

    @Override
    void close();

    /** The decoder for a connection, or {@code null} for uncompressed JSON. */
    static GatewayDecoder create(GatewayCompression compression, int maxPayloadBytes) {
        return switch (compression) {
            case ZSTD_STREAM -> new ZstdStreamDecoder(maxPayloadBytes);
            case ZLIB_STREAM -> new ZlibStreamDecoder(maxPayloadBytes);
            case NONE -> null;
        };
    }

    /** A message that cannot be decoded; the connection must be dropped (and the session resumed). */
    final class GatewayDecodeException extends RuntimeException {
        GatewayDecodeException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
