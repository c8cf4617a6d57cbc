package dev.hubcord.discordsim.server;

import dev.hubcord.discordsim.gateway.Gateway;
import dev.hubcord.discordsim.gateway.GatewayConnection;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Feeds aggregated websocket frames of one gateway connection to the {@link Gateway}. */
final class GatewayFrameHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(GatewayFrameHandler.class);

    private final Gateway gateway;
    private GatewayConnection connection;

    GatewayFrameHandler(Gateway gateway) {
        this.gateway = gateway;
    }

    /** Set once the handshake succeeded; frames cannot arrive before the client has seen the 101. */
    void bind(GatewayConnection c) {
        this.connection = c;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (connection == null) {
            ctx.close();
            return;
        }
        switch (frame) {
            case TextWebSocketFrame text -> gateway.onText(connection, text.text());
            case BinaryWebSocketFrame ignored -> gateway.onBinary(connection);
            case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            case CloseWebSocketFrame close -> {
                connection.closedByClientCode(close.statusCode());
                CloseWebSocketFrame echo = close.statusCode() < 0 ? new CloseWebSocketFrame()
                        : new CloseWebSocketFrame(close.statusCode(), close.reasonText());
                ctx.writeAndFlush(echo).addListener(ChannelFutureListener.CLOSE);
            }
            default -> { }
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (connection != null) {
            gateway.onClosed(connection);
        }
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        // Broken clients must not take the simulator down; the close shows up as a TCP drop for the session.
        log.debug("gateway connection failed: {}", cause.toString());
        ctx.close();
    }
}
