package dev.hubcord.protocol;

/** Transport compression negotiated in IDENTIFY or RESUME (contract section 5). */
public enum Compression {
    /** Text frames, no compression. */
    NONE,
    /** One never-ending zstd stream per connection and direction, flushed after every payload. */
    ZSTD,
    /** Every binary frame is one complete zlib (RFC 1950) stream holding one payload. */
    ZLIB;

    /**
     * Reads the {@code compress} field: absent, {@code null} or {@code false} mean none; {@code true} or
     * {@code "zstd"} mean zstd; {@code "zlib"} means zlib.
     *
     * @throws IllegalArgumentException for any other value
     */
    public static Compression fromIdentifyValue(Object value) {
        return switch (value) {
            case null -> NONE;
            case Boolean b -> b ? ZSTD : NONE;
            case String s when s.equals("zstd") -> ZSTD;
            case String s when s.equals("zlib") -> ZLIB;
            case String s when s.equals("none") -> NONE;
            default -> throw new IllegalArgumentException("compress must be true, false, \"zstd\" or \"zlib\"");
        };
    }

    /** The value to put into IDENTIFY's {@code compress}. */
    public Object identifyValue() {
        return switch (this) {
            case NONE -> false;
            case ZSTD -> "zstd";
            case ZLIB -> "zlib";
        };
    }
}
