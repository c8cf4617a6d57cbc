package dev.hubcord.protocol.codec;

import dev.hubcord.protocol.Compression;

/** Creates the compressor and decompressor for a negotiated {@link Compression}. */
public final class Codecs {

    private Codecs() {}

    /** A compressor for the scheme, or {@code null} for {@link Compression#NONE}. */
    public static FrameCompressor compressor(Compression compression) {
        return switch (compression) {
            case NONE -> null;
            case ZSTD -> new ZstdStreamCompressor();
            case ZLIB -> new ZlibCompressor();
        };
    }

    /** A decompressor bounded by {@code maxPayloadBytes}, or {@code null} for {@link Compression#NONE}. */
    public static FrameDecompressor decompressor(Compression compression, int maxPayloadBytes) {
        return switch (compression) {
            case NONE -> null;
            case ZSTD -> new ZstdStreamDecompressor(maxPayloadBytes);
            case ZLIB -> new ZlibDecompressor(maxPayloadBytes);
        };
    }
}
