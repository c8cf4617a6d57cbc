package dev.hubcord.protocol.client.internal;

import dev.hubcord.protocol.client.HubClientOptions;
import dev.hubcord.protocol.codec.Codecs;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import java.net.URI;

/**
 * The pipeline of one hub connection: HTTP for the upgrade, Netty's WebSocket client protocol handler
 * (close frames are passed up rather than handled, so the close code reaches the session), frame
 * aggregation with a limit far above Netty's 64 KiB default, then {@link FrameCodec} and the
 * {@link ConnectionHandler}.
 */
final class ClientPipeline extends ChannelInitializer<SocketChannel> {

    /** Room above the payload limit for compression overhead on incompressible payloads. */
    private static final int FRAME_SLACK = 64 * 1024;
    private static final long FORCE_CLOSE_MILLIS = 2_000;

    private final HubClientOptions options;
    private final URI target;
    private final ConnectionHandler handler;

    ClientPipeline(HubClientOptions options, URI target, ConnectionHandler handler) {
        this.options = options;
        this.target = target;
        this.handler = handler;
    }

    /** The URL to upgrade: the options' URI, with {@code /ws/v1} when it has no path. */
    static URI webSocketUri(URI uri) {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return uri.resolve("/ws/v1");
        }
        return uri;
    }

    static int port(URI uri) {
        return uri.getPort() == -1 ? 80 : uri.getPort();
    }

    @Override
    protected void initChannel(SocketChannel ch) {
        int maxFrame = options.maxPayloadBytes() + FRAME_SLACK;
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(webSocketUri(target))
                .version(WebSocketVersion.V13)
                .allowExtensions(false)
                .maxFramePayloadLength(maxFrame)
                .handleCloseFrames(false)
                .dropPongFrames(true)
                .handshakeTimeoutMillis(options.connectTimeout().toMillis())
                .forceCloseTimeoutMillis(FORCE_CLOSE_MILLIS)
                .build();
        ChannelPipeline p = ch.pipeline();
        p.addLast("http", new HttpClientCodec());
        p.addLast("http-aggregator", new HttpObjectAggregator(64 * 1024));
        p.addLast("websocket", new WebSocketClientProtocolHandler(config));
        p.addLast("frame-aggregator", new WebSocketFrameAggregator(maxFrame));
        p.addLast("hub-codec", new FrameCodec(
                Codecs.decompressor(options.compression(), options.maxPayloadBytes()), options.maxPayloadBytes()));
        p.addLast("hub-connection", handler);
    }
}
