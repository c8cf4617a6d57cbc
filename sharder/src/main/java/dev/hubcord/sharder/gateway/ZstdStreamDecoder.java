package dev.hubcord.sharder.gateway;

import dev.hubcord.protocol.codec.ProtocolException;
import dev.hubcord.protocol.codec.ZstdStreamDecompressor;
import io.netty.buffer.ByteBuf;

/**
 * {@code compress=zstd-stream}: the connection is one zstd frame that never ends, flushed after each
 * message, so one long-lived streaming context decodes message after message. The hub protocol uses
 * the same scheme, so this reuses its bounded decompressor.
 */
final class ZstdStreamDecoder implements GatewayDecoder {

    private final ZstdStreamDecompressor decompressor;

    ZstdStreamDecoder(int maxPayloadBytes) {
        this.decompressor = new ZstdStreamDecompressor(maxPayloadBytes);
    }

    @Override
    public byte[] decode(ByteBuf message) {
        try {
            return decompressor.decompress(message);
        } catch (ProtocolException e) {
            throw new GatewayDecodeException("zstd-stream: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        decompressor.close();
    }
}
