package dev.hubcord.sharder.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.codec.Json;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import java.io.IOException;

/**
 * One WebSocket connection of a shard: decodes messages (text, or binary through the connection's
 * {@link GatewayDecoder}) into JSON payloads for the {@link Shard}, sends text frames, and reports its
 * end exactly once with the close code the server sent (or -1 for a drop) and whether we closed it.
 */
final class GatewayConnection extends ChannelInboundHandlerAdapter {

    private final Shard shard;
    private final GatewayDecoder decoder;
    private ChannelHandlerContext ctx;
    private int serverCloseCode = -1;
    private String closeReason = "";
    private boolean closedByUs;
    private boolean ended;

    GatewayConnection(Shard shard, GatewayDecoder decoder) {
        this.shard = shard;
        this.decoder = decoder;
    }

    @Override
    public void handlerAdded(ChannelHandlerContext context) {
        this.ctx = context;
    }

    boolean isOpen() {
        return ctx != null && ctx.channel().isActive() && !closedByUs;
    }

    /** Writes one payload as a text frame; {@code onWritten} runs (on the event loop) once it is on the wire. */
    void send(byte[] json, Runnable onWritten) {
        var future = ctx.writeAndFlush(new TextWebSocketFrame(ctx.alloc().buffer(json.length).writeBytes(json)));
        if (onWritten != null) {
            future.addListener(f -> {
                if (f.isSuccess()) {
                    onWritten.run();
                }
            });
        }
    }

    /** Closes with {@code code} (never 1000/1001 unless the session should die) and a short reason. */
    void close(int code, String reason) {
        if (closedByUs || ctx == null) {
            return;
        }
        closedByUs = true;
        closeReason = reason;
        if (ctx.channel().isActive()) {
            ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
        } else {
            ctx.close();
        }
    }

    @Override
    public void channelRead(ChannelHandlerContext context, Object msg) {
        try {
            switch (msg) {
                case TextWebSocketFrame text -> deliver(ByteBufUtil.getBytes(text.content()));
                case BinaryWebSocketFrame binary -> {
                    if (decoder == null) {
                        throw new GatewayDecoder.GatewayDecodeException("binary message without compression", null);
                    }
                    byte[] json = decoder.decode(binary.content());
                    if (json != null) {
                        deliver(json);
                    }
                }
                case CloseWebSocketFrame close -> {
                    serverCloseCode = close.statusCode();
                    closeReason = close.reasonText();
                    context.writeAndFlush(new CloseWebSocketFrame(close.statusCode(), ""))
                            .addListener(ChannelFutureListener.CLOSE);
                }
                default -> { }
            }
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void deliver(byte[] json) {
        if (closedByUs) {
            return;
        }
        JsonNode payload;
        try {
            payload = Json.mapper().readTree(json);
        } catch (IOException e) {
            throw new GatewayDecoder.GatewayDecodeException("payload is not JSON: " + e.getMessage(), e);
        }
        shard.onPayload(this, payload);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable error) {
        shard.onConnectionError(this, error);
        close(CloseAction.RESUMABLE_CLOSE, "client error");
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (!ended) {
            ended = true;
            if (decoder != null) {
                decoder.close();
            }
            shard.onClosed(this, serverCloseCode, closeReason, closedByUs);
        }
        super.channelInactive(context);
    }

    /** Frees the decoder of a connection that never became active (no channelInactive will come). */
    void abandon() {
        if (!ended) {
            ended = true;
            if (decoder != null) {
                decoder.close();
            }
        }
    }
}
