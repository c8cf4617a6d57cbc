package dev.hubcord.hub.server;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpResponseStatus;
import java.nio.charset.StandardCharsets;

/**
 * Answers the request of a connection over a limit (503 over the total, 429 over the per-address limit, with a
 * {@code Retry-After}) and closes it. Answering the request, rather than closing at once, lets the client read why;
 * one that sends nothing is closed by the handshake timeout.
 */
final class RefusalHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private final HttpResponseStatus status;
    private final String message;

    RefusalHandler(ConnectionLimits.Verdict verdict) {
        boolean perAddress = verdict == ConnectionLimits.Verdict.TOO_MANY_FROM_ADDRESS;
        this.status = perAddress ? HttpResponseStatus.TOO_MANY_REQUESTS : HttpResponseStatus.SERVICE_UNAVAILABLE;
        this.message = perAddress ? "too many connections from your address" : "too many connections";
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, FullHttpRequest request) {
        HandshakeTimeout.requestSeen(ctx.channel());
        byte[] body = ("{\"code\":\"" + (status.code() == 429 ? "TOO_MANY_CONNECTIONS_FROM_ADDRESS" : "TOO_MANY_CONNECTIONS")
                + "\",\"message\":\"" + message + "\"}").getBytes(StandardCharsets.US_ASCII);
        FullHttpResponse response = new DefaultFullHttpResponse(request.protocolVersion(), status,
                Unpooled.wrappedBuffer(body));
        response.headers()
                .set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
                .setInt(HttpHeaderNames.CONTENT_LENGTH, body.length)
                .set(HttpHeaderNames.RETRY_AFTER, "1")
                .set(HttpHeaderNames.CONNECTION, HttpHeaderValues.CLOSE);
        ctx.writeAndFlush(response).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
