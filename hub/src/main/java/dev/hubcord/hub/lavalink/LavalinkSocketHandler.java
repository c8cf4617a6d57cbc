package dev.hubcord.hub.lavalink;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Lavalink client's WebSocket after the upgrade. Lavalink v4 clients send nothing on it (everything goes through
 * REST); pings are answered, a close ends the socket, anything else is ignored with a debug line.
 */
final class LavalinkSocketHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    private static final Logger log = LoggerFactory.getLogger(LavalinkSocketHandler.class);

    private final Lavalink lavalink;
    private final String userId;
    private final String clientName;
    private final String resumeId;
    private LavalinkSession session;

    LavalinkSocketHandler(Lavalink lavalink, String userId, String clientName, String resumeId) {
        this.lavalink = lavalink;
        this.userId = userId;
        this.clientName = clientName;
        this.resumeId = resumeId;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        Lavalink.Opened opened = lavalink.open(ctx.channel(), userId, clientName, resumeId);
        if (opened == null) {
            ctx.writeAndFlush(new CloseWebSocketFrame(1013, "too many Lavalink sessions")).addListener(f -> ctx.close());
            return;
        }
        session = opened.session();
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        switch (frame) {
            case PingWebSocketFrame ping -> ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
            case CloseWebSocketFrame close -> ctx.writeAndFlush(close.retainedDuplicate()).addListener(f -> ctx.close());
            default -> log.debug("lavalink session {}: ignored a {} from the client", session == null ? "-" : session.id(),
                    frame.getClass().getSimpleName());
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (session != null) {
            lavalink.closed(session, ctx.channel());
        }
        ctx.fireChannelInactive();
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        log.debug("lavalink socket {} failed: {}", ctx.channel().remoteAddress(), cause.toString());
        ctx.close();
    }
}
