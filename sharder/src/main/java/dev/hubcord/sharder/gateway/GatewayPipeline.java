package dev.hubcord.sharder.gateway;

import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolConfig;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler;
import io.netty.handler.codec.http.websocketx.WebSocketFrameAggregator;
import io.netty.handler.codec.http.websocketx.WebSocketVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import java.net.URI;
import javax.net.ssl.SSLException;

/**
 * The pipeline of one gateway connection: TLS for {@code wss}, HTTP for the upgrade, Netty's
 * WebSocket client handler (close frames passed up so the close code reaches the shard; no
 * extensions, Discord does not use permessage-deflate), frame aggregation with a limit far above
 * Netty's 64 KiB default, then the {@link GatewayConnection}.
 */
final class GatewayPipeline extends ChannelInitializer<SocketChannel> {

    private static volatile SslContext ssl;

    private final URI uri;
    private final ShardOptions options;
    private final GatewayConnection connection;

    GatewayPipeline(URI uri, ShardOptions options, GatewayConnection connection) {
        this.uri = uri;
        this.options = options;
        this.connection = connection;
    }

    static boolean secure(URI uri) {
        return "wss".equalsIgnoreCase(uri.getScheme());
    }

    static int port(URI uri) {
        return uri.getPort() != -1 ? uri.getPort() : secure(uri) ? 443 : 80;
    }

    private static SslContext ssl() throws SSLException {
        SslContext context = ssl;
        if (context == null) {
            synchronized (GatewayPipeline.class) {
                if (ssl == null) {
                    ssl = SslContextBuilder.forClient().build();
                }
                context = ssl;
            }
        }
        return context;
    }

    @Override
    protected void initChannel(SocketChannel ch) throws SSLException {
        WebSocketClientProtocolConfig config = WebSocketClientProtocolConfig.newBuilder()
                .webSocketUri(uri)
                .version(WebSocketVersion.V13)
                .allowExtensions(false)
                .maxFramePayloadLength(options.maxPayloadBytes())
                .handleCloseFrames(false)
                .dropPongFrames(true)
                .handshakeTimeoutMillis(options.connectTimeoutMs())
                .forceCloseTimeoutMillis(2_000)
                .build();
        ChannelPipeline p = ch.pipeline();
        if (secure(uri)) {
            p.addLast("tls", ssl().newHandler(ch.alloc(), uri.getHost(), port(uri)));
        }
        p.addLast("http", new HttpClientCodec());
        p.addLast("http-aggregator", new HttpObjectAggregator(64 * 1024));
        p.addLast("websocket", new WebSocketClientProtocolHandler(config));
        p.addLast("frame-aggregator", new WebSocketFrameAggregator(options.maxPayloadBytes()));
        p.addLast("gateway", connection);
    }
}
