package dev.hubcord.hub.config;

import java.util.Locale;

/** The socket transport of the hub's event loops ({@code HUB_TRANSPORT}). */
public enum Transport {
    /** io_uring where the kernel offers it, else NIO. */
    AUTO,
    /** Linux io_uring (kernel 5.14+, x86-64 or aarch64); the hub refuses to start without it. */
    IO_URING,
    /** Java NIO (epoll on Linux): works everywhere. */
    NIO;

    static Transport parse(String value) {
        return switch (value.toLowerCase(Locale.ROOT).replace('-', '_')) {
            case "auto" -> AUTO;
            case "io_uring", "iouring", "uring" -> IO_URING;
            case "nio" -> NIO;
            default -> throw new ConfigException("HUB_TRANSPORT must be auto, io_uring or nio, got '" + value + "'");
        };
    }
}
