package dev.hubcord.protocol.client.internal;

import dev.hubcord.protocol.Payload;
import dev.hubcord.protocol.client.HubClient;
import dev.hubcord.protocol.client.HubClientException;
import dev.hubcord.protocol.codec.ProtocolException;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketClientProtocolHandler.ClientHandshakeStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * The protocol of one connection: answers HELLO with IDENTIFY or RESUME, heartbeats at the hub's
 * interval, answers the hub's op 1 at once, and declares the connection dead when a heartbeat's ACK
 * has not come by the time the next one is due. Events go to the {@link SessionCallbacks}; so does
 * the connection's end, exactly once, with the close code that ended it.
 */
final class ConnectionHandler extends ChannelInboundHandlerAdapter {

    private final SessionCallbacks session;
    private final long helloTimeoutMillis;
    private ChannelHandlerContext ctx;
    private ScheduledFuture<?> heartbeatTask;
    private ScheduledFuture<?> helloTask;
    private boolean established;
    private boolean helloSeen;
    private long heartbeatsSent;
    private long heartbeatsAcked;
    private int closeCode = -1;
    private String closeReason;
    private boolean reported;
    private Throwable cause;
    private boolean ended;

    ConnectionHandler(SessionCallbacks session, long helloTimeoutMillis) {
        this.session = session;
        this.helloTimeoutMillis = helloTimeoutMillis;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    Channel channel() {
        return ctx.channel();
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext context, Object event) throws Exception {
        if (event == ClientHandshakeStateEvent.HANDSHAKE_COMPLETE) {
            established = true;
            helloTask = context.executor().schedule(() -> {
                if (!helloSeen) {
                    fail(HubClientException.Kind.PROTOCOL_ERROR, "no HELLO within " + helloTimeoutMillis + " ms", null);
                }
            }, helloTimeoutMillis, TimeUnit.MILLISECONDS);
        } else if (event == ClientHandshakeStateEvent.HANDSHAKE_TIMEOUT) {
            closeReason = "WebSocket handshake timed out";
        }
        super.userEventTriggered(context, event);
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        switch (msg) {
            case Payload payload -> onPayload(payload);
            case HubClose close -> {
                closeCode = close.code();
                closeReason = close.reason();
                // Echo the close as RFC 6455 asks, then end the connection without waiting.
                context.writeAndFlush(new CloseWebSocketFrame(close.code(), close.reason()))
                        .addListener(ChannelFutureListener.CLOSE);
            }
            default -> ReferenceCountUtil.release(msg);
        }
    }

    private void onPayload(Payload payload) {
        switch (payload.op()) {
            case HELLO -> onHello(payload);
            case HEARTBEAT -> sendHeartbeat();
            case HEARTBEAT_ACK -> heartbeatsAcked = heartbeatsSent;
            case EVENT -> session.onEvent(this, payload);
            case PUBLISH_ACK -> session.onPublishAck(this, payload.d().path("s").asLong(-1));
            default -> {
                // IDENTIFY, CACHE, RESUME and ACK only travel towards the hub: ignore them, as unknown fields are.
            }
        }
    }

    private void onHello(Payload hello) {
        if (helloSeen) {
            return;
        }
        long interval = hello.d().path("heartbeatInterval").asLong(0);
        if (interval <= 0) {
            throw new ProtocolException(ProtocolException.Kind.INVALID_PAYLOAD, "HELLO without heartbeatInterval");
        }
        helloSeen = true;
        if (helloTask != null) {
            helloTask.cancel(false);
        }
        ctx.writeAndFlush(session.onHello(this));
        heartbeatTask = ctx.executor().scheduleAtFixedRate(this::heartbeatDue, interval, interval, TimeUnit.MILLISECONDS);
    }

    private void heartbeatDue() {
        if (!ctx.channel().config().isAutoRead()) {
            // reading is paused while the listeners catch up: the ACK is unread in the socket, not missing
            heartbeatsAcked = heartbeatsSent;
        }
        if (heartbeatsAcked < heartbeatsSent) {
            fail(HubClientException.Kind.HEARTBEAT_TIMEOUT, "no HEARTBEAT_ACK before the next heartbeat", null);
            return;
        }
        sendHeartbeat();
    }

    private void sendHeartbeat() {
        if (ended || !ctx.channel().isActive()) {
            return;
        }
        heartbeatsSent++;
        ctx.writeAndFlush(session.heartbeat());
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext context) throws Exception {
        if (context.channel().isWritable()) {
            session.onWritable(this);
        }
        super.channelWritabilityChanged(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable error) {
        ProtocolException protocol = findProtocolException(error);
        if (protocol != null) {
            fail(HubClientException.Kind.PROTOCOL_ERROR, protocol.getMessage(), protocol);
            return;
        }
        if (cause == null) {
            cause = error;
        }
        context.close();
    }

    /** Reports a failure and closes with a code that keeps the session resumable. */
    private void fail(HubClientException.Kind kind, String message, ProtocolException protocol) {
        if (reported || ended) {
            return;
        }
        int code = protocol == null ? HubClient.DEAD_CONNECTION_CLOSE_CODE : protocol.closeCode().code();
        session.onError(new HubClientException(kind, message, code, protocol));
        reported = true;
        closeWith(code, message);
    }

    /** Sends a close frame (the normal 1000, or a failure code) and closes the channel. */
    void closeWith(int code, String reason) {
        if (closeCode == -1) {
            closeCode = code;
            closeReason = reason;
        }
        if (!ctx.channel().isActive()) {
            return;
        }
        String shortReason = reason.length() > 120 ? reason.substring(0, 120) : reason;
        ctx.writeAndFlush(new CloseWebSocketFrame(code, shortReason)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (heartbeatTask != null) {
            heartbeatTask.cancel(false);
        }
        if (helloTask != null) {
            helloTask.cancel(false);
        }
        if (!ended) {
            ended = true;
            String reason = closeReason != null ? closeReason
                    : cause != null ? String.valueOf(cause.getMessage()) : "connection closed";
            session.onClosed(this, new SessionCallbacks.Disconnect(closeCode, reason, established, reported, cause));
        }
        super.channelInactive(context);
    }

    private static ProtocolException findProtocolException(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ProtocolException p) {
                return p;
            }
        }
        return null;
    }
}
