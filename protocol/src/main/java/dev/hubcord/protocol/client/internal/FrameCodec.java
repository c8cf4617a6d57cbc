package dev.hubcord.protocol.client.internal;

import dev.hubcord.protocol.codec.FrameDecompressor;
import dev.hubcord.protocol.codec.PayloadCodec;
import dev.hubcord.protocol.codec.ProtocolException;
import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.MessageToMessageCodec;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.List;

/**
 * Turns the hub's (aggregated) WebSocket frames into {@link dev.hubcord.protocol.Payload}s and
 * outgoing JSON bytes into text frames. Text frames are plain JSON; binary frames are decoded with
 * the negotiated scheme's decompressor, which lives as long as the connection (for zstd its context
 * carries the stream from frame to frame). Whether a frame is compressed is told by its type, so the
 * switch from the uncompressed HELLO to the compressed IDENTIFIED needs no extra state. Close frames
 * become {@link HubClose}. A bad frame raises a {@link ProtocolException} carrying the close code.
 */
final class FrameCodec extends MessageToMessageCodec<WebSocketFrame, byte[]> {

    private final FrameDecompressor decompressor;
    private final int maxPayloadBytes;

    /** @param decompressor the negotiated scheme's decompressor, or {@code null} for none (closed with the channel) */
    FrameCodec(FrameDecompressor decompressor, int maxPayloadBytes) {
        this.decompressor = decompressor;
        this.maxPayloadBytes = maxPayloadBytes;
    }

    @Override
    protected void encode(ChannelHandlerContext ctx, byte[] json, List<Object> out) {
        out.add(new TextWebSocketFrame(Unpooled.wrappedBuffer(json)));
    }

    @Override
    protected void decode(ChannelHandlerContext ctx, WebSocketFrame frame, List<Object> out) {
        switch (frame) {
            case TextWebSocketFrame text -> {
                if (text.content().readableBytes() > maxPayloadBytes) {
                    throw new ProtocolException(ProtocolException.Kind.TOO_LARGE,
                            "text frame larger than " + maxPayloadBytes + " bytes");
                }
                out.add(PayloadCodec.decode(ByteBufUtil.getBytes(text.content())));
            }
            case BinaryWebSocketFrame binary -> {
                if (decompressor == null) {
                    throw new ProtocolException(ProtocolException.Kind.INVALID_JSON,
                            "binary frame on a connection without compression");
                }
                out.add(PayloadCodec.decode(decompressor.decompress(binary.content())));
            }
            case CloseWebSocketFrame close -> out.add(new HubClose(close.statusCode(), close.reasonText()));
            default -> {
                // Ping and pong are answered and dropped by Netty's protocol handler; nothing else is expected.
            }
        }
    }

    @Override
    public void handlerRemoved(ChannelHandlerContext ctx) throws Exception {
        if (decompressor != null) {
            decompressor.close();
        }
        super.handlerRemoved(ctx);
    }
}
