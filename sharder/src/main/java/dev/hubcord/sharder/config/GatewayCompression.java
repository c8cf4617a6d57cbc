package dev.hubcord.sharder.config;

import java.util.Locale;

/** Discord's transport compression, the {@code compress} query parameter of the gateway URL. */
public enum GatewayCompression {
    /** One zstd frame per connection that never ends; each message is flushed. */
    ZSTD_STREAM("zstd-stream"),
    /** One zlib context per connection; each payload ends with {@code 00 00 ff ff}. */
    ZLIB_STREAM("zlib-stream"),
    /** Plain JSON text frames. */
    NONE(null);

    private final String queryValue;

    GatewayCompression(String queryValue) {
        this.queryValue = queryValue;
    }

    /** The {@code compress} value, or {@code null} for none. */
    public String queryValue() {
        return queryValue;
    }

    /** Parses {@code zstd-stream}, {@code zlib-stream} or {@code none}; {@code null} for anything else. */
    public static GatewayCompression parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "zstd-stream", "zstd" -> ZSTD_STREAM;
            case "zlib-stream", "zlib" -> ZLIB_STREAM;
            case "none", "false", "" -> NONE;
            default -> null;
        };
    }
}
