package dev.hubcord.hub.server;

import dev.hubcord.hub.metrics.HubMetrics;
import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes a TCP connection that has not completed an HTTP request (a WebSocket upgrade is one) within
 * {@code HUB_HANDSHAKE_TIMEOUT_MS} of being accepted: a connection that sends nothing, or sends its request a byte
 * at a time, would otherwise hold a socket for ever. Later requests on a kept-alive connection are not timed.
 */
final class HandshakeTimeout {

    private static final Logger log = LoggerFactory.getLogger(HandshakeTimeout.class);
    private static final AttributeKey<Boolean> REQUEST_SEEN = AttributeKey.valueOf("hubcord.requestSeen");

    private HandshakeTimeout() {}

    /** Starts the timer of a new connection. */
    static void start(Channel channel, int timeoutMs, HubMetrics metrics) {
        var timer = channel.eventLoop().schedule(() -> {
            if (channel.isActive() && channel.attr(REQUEST_SEEN).get() == null) {
                metrics.handshakeTimeout();
                log.info("closing connection from {}: no complete HTTP request within {} ms", channel.remoteAddress(),
                        timeoutMs);
                channel.close();
            }
        }, timeoutMs, TimeUnit.MILLISECONDS);
        channel.closeFuture().addListener(f -> timer.cancel(false));
    }

    /** Marks that the connection has completed a request: it is no longer timed. */
    static void requestSeen(Channel channel) {
        channel.attr(REQUEST_SEEN).set(Boolean.TRUE);
    }
}
