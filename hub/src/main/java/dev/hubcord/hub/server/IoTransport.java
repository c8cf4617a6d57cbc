package dev.hubcord.hub.server;

import dev.hubcord.hub.config.ConfigException;
import dev.hubcord.hub.config.Transport;
import io.netty.channel.IoHandlerFactory;
import io.netty.channel.ServerChannel;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.channel.uring.IoUring;
import io.netty.channel.uring.IoUringIoHandler;
import io.netty.channel.uring.IoUringServerSocketChannel;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event loops' I/O: Linux io_uring when available, else Java NIO. io_uring carried about 30 % more REST
 * requests per second on the same two cores with a lower p99 (docs/benchmarks.md), because it needs fewer system
 * calls per request. It is often missing: old kernels, other CPUs, and containers whose seccomp profile forbids it
 * (Docker's default does) — then {@code auto} falls back to NIO and says why.
 *
 * @param name what the startup log calls it
 */
record IoTransport(String name, IoHandlerFactory handlers, Class<? extends ServerChannel> serverChannel) {

    private static final Logger log = LoggerFactory.getLogger(IoTransport.class);

    static IoTransport of(Transport wanted) {
        return switch (wanted) {
            case NIO -> nio();
            case IO_URING -> {
                if (!IoUring.isAvailable()) {
                    throw new ConfigException("HUB_TRANSPORT=io_uring but io_uring is not available here: "
                            + IoUring.unavailabilityCause() + " (use auto or nio)");
                }
                yield ioUring();
            }
            case AUTO -> {
                if (IoUring.isAvailable()) {
                    yield ioUring();
                }
                log.info("io_uring not available ({}); using NIO", String.valueOf(IoUring.unavailabilityCause()));
                yield nio();
            }
        };
    }

    private static IoTransport nio() {
        return new IoTransport("nio", NioIoHandler.newFactory(), NioServerSocketChannel.class);
    }

    private static IoTransport ioUring() {
        return new IoTransport("io_uring", IoUringIoHandler.newFactory(), IoUringServerSocketChannel.class);
    }
}
