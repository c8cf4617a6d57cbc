package dev.hubcord.hub.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.core.CachePermit;
import dev.hubcord.hub.core.CloseException;
import dev.hubcord.hub.core.Handshake;
import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.session.Connection;
import dev.hubcord.hub.session.HeartbeatStats;
import dev.hubcord.hub.session.Session;
import dev.hubcord.protocol.CloseCode;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.Opcode;
import dev.hubcord.protocol.codec.Envelope;
import dev.hubcord.protocol.codec.EnvelopeScanner;
import dev.hubcord.protocol.codec.EnvelopeWriter;
import dev.hubcord.protocol.codec.FrameDecompressor;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.protocol.codec.ProtocolException;
import io.netty.buffer.ByteBufUtil;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.TooLongFrameException;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CorruptedWebSocketFrameException;
import io.netty.handler.codec.http.websocketx.PingWebSocketFrame;
import io.netty.handler.codec.http.websocketx.PongWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketCloseStatus;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.Future;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One client WebSocket: sends HELLO, decodes each frame (decompressing binary frames with the
 * negotiated scheme, bounded), checks the connection rules — rate (4008), size (4010), heartbeats
 * (4007), identify first (4000) and in time ({@code HUB_IDENTIFY_TIMEOUT_MS}, 4000) — and hands each payload to
 * {@link HubCore}. Any protocol error closes this connection with its code and reason; nothing else is affected.
 * It also applies backpressure ({@link Backpressure}): a client whose backlog overflows is closed with 4011, and
 * reading stops while a sharder does not read or while its events can go nowhere.
 */
public final class HubWebSocketHandler extends ChannelInboundHandlerAdapter {

    private static final Logger log = LoggerFactory.getLogger(HubWebSocketHandler.class);
    private static final byte[] HEARTBEAT_ACK = EnvelopeWriter.control(Opcode.HEARTBEAT_ACK.code(), "null");

    private final HubCore core;
    private final int maxPayload;
    private final long heartbeatTimeoutNanos;
    private Connection connection;
    private Session session;
    private RateLimiter rateLimiter;
    /** How long a client may stay over its rate (being slowed) before it is closed with 4008. */
    private final long rateGraceNanos;
    private long lastHeartbeat;
    /** Cleared when the hub shuts down: frames are still read, and ignored. */
    private boolean taking = true;
    private ScheduledFuture<?> heartbeatCheck;
    private ScheduledFuture<?> identifyTimeout;
    private ReadGate gate;
    private Backpressure backpressure;

    HubWebSocketHandler(HubCore core) {
        this.core = core;
        this.maxPayload = core.config().maxPayloadBytes();
        this.heartbeatTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(2L * core.config().heartbeatIntervalMs());
        this.rateGraceNanos = TimeUnit.MILLISECONDS.toNanos(core.config().rateLimitGraceMs());
    }

    @Override
    public void handlerAdded(ChannelHandlerContext ctx) {
        connection = new Connection(ctx.channel(), maxPayload, core.outbound());
        connection.onOverflow(this::slowConsumer);
        gate = new ReadGate(ctx.channel());
        long now = System.nanoTime();
        int rate = core.config().rateLimit();
        rateLimiter = new RateLimiter(rate, 2 * rate, now);
        lastHeartbeat = now;
        int interval = core.config().heartbeatIntervalMs();
        heartbeatCheck = ctx.executor().scheduleAtFixedRate(this::checkHeartbeat, interval / 2, interval / 2,
                TimeUnit.MILLISECONDS);
        int identifyMs = core.config().limits().identifyTimeoutMs();
        identifyTimeout = ctx.executor().schedule(() -> {
            if (session == null && !connection.isClosing()) {
                core.metrics().identifyTimeout();
                close(CloseCode.NOT_IDENTIFIED, "no IDENTIFY or RESUME within " + identifyMs + " ms");
            }
        }, identifyMs, TimeUnit.MILLISECONDS);
        connection.send(EnvelopeWriter.control(Opcode.HELLO.code(), "{\"heartbeatInterval\":" + interval + "}"));
        log.info("connection opened from {}", connection.remoteAddress());
    }

    @Override
    public void channelReadComplete(ChannelHandlerContext ctx) {
        if (session != null) {
            PublishAcks.confirm(session, connection, core.metrics());
            backpressure.afterRead();
        }
        throttleIfOverRate(ctx);
        ctx.fireChannelReadComplete();
    }

    /**
     * After a read batch, a client whose bucket is in debt is slowed: the hub stops reading from it
     * until the debt is paid, so nothing it sent is lost. If paying the debt would keep it over its
     * rate for longer than the grace, it is closed with 4008 at once instead.
     */
    private void throttleIfOverRate(ChannelHandlerContext ctx) {
        long wait = rateLimiter.nanosUntilSolvent();
        if (wait == 0 || connection.isClosing() || gate.isHeld(ReadGate.Reason.RATE)) {
            return;
        }
        if (rateLimiter.overRateFor(System.nanoTime()) + wait > rateGraceNanos) {
            CloseException e = rateLimited();
            close(e.code(), e.getMessage());
            return;
        }
        gate.hold(ReadGate.Reason.RATE);
        core.metrics().throttled();
        ctx.executor().schedule(() -> gate.release(ReadGate.Reason.RATE), Math.max(wait, 1_000_000L),
                TimeUnit.NANOSECONDS);
    }

    private CloseException rateLimited() {
        return new CloseException(CloseCode.RATE_LIMITED, "rate limited: over " + core.config().rateLimit()
                + " payloads per second for more than " + TimeUnit.NANOSECONDS.toMillis(rateGraceNanos) + " ms");
    }

    private void checkHeartbeat() {
        if (gate.heldByHub()) {
            lastHeartbeat = System.nanoTime(); // the hub is not reading: heartbeats wait unread in the socket
            if (gate.isHeld(ReadGate.Reason.SATURATED)) {
                // a client that reads finds an op 4 each half interval, so its own ACK check does not take the
                // held connection for a dead one (it would reconnect, and be held again)
                connection.send(HEARTBEAT_ACK);
            }
        } else if (System.nanoTime() - lastHeartbeat > heartbeatTimeoutNanos) {
            close(CloseCode.NO_HEARTBEAT, "no heartbeat for twice the interval");
        }
    }

    /**
     * Hub shutdown, step 1: take no more payloads from this client (they are read and ignored; with
     * publisher acknowledgements the client sends them again to the next hub). Runs on the event loop.
     */
    Future<?> stopTaking() {
        return channel().eventLoop().submit(() -> {
            taking = false;
        });
    }

    /**
     * Hub shutdown, step 2: write what was routed to this client, then the close frame, and leave the
     * TCP close to the client's answer. The future completes when the channel is closed.
     */
    Future<?> goAway(CloseCode code, String reason) {
        channel().eventLoop().execute(() -> connection.goAway(code, reason));
        return channel().closeFuture();
    }

    private io.netty.channel.Channel channel() {
        return connection.channel();
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        try {
            if (msg instanceof CloseWebSocketFrame && connection.isClosing()) {
                ctx.close(); // the client answered our close frame
            } else if (msg instanceof WebSocketFrame frame && !connection.isClosing() && taking) {
                handleFrame(ctx, frame);
            }
        } catch (CloseException e) {
            close(e.code(), e.getMessage());
        } catch (ProtocolException e) {
            close(e.closeCode(), e.getMessage());
        } finally {
            ReferenceCountUtil.release(msg);
        }
    }

    private void handleFrame(ChannelHandlerContext ctx, WebSocketFrame frame) {
        byte[] bytes;
        switch (frame) {
            case TextWebSocketFrame text -> bytes = ByteBufUtil.getBytes(text.content());
            case BinaryWebSocketFrame binary -> {
                FrameDecompressor decompressor = connection.decompressor();
                if (decompressor == null) {
                    throw new CloseException(CloseCode.INVALID_JSON, "binary frame without negotiated compression");
                }
                bytes = decompressor.decompress(binary.content());
            }
            case CloseWebSocketFrame close -> {
                connection.clientClosed(close.statusCode());
                ctx.writeAndFlush(new CloseWebSocketFrame(close.statusCode() < 0 ? 1000 : close.statusCode(), ""))
                        .addListener(f -> ctx.close());
                return;
            }
            case PingWebSocketFrame ping -> {
                ctx.writeAndFlush(new PongWebSocketFrame(ping.content().retain()));
                return;
            }
            default -> {
                return;
            }
        }
        if (bytes.length > maxPayload) {
            throw new CloseException(CloseCode.PAYLOAD_TOO_LARGE, "payload larger than " + maxPayload + " bytes");
        }
        long now = System.nanoTime();
        if (!rateLimiter.acquire(now) && rateLimiter.overRateFor(now) > rateGraceNanos) {
            throw rateLimited();
        }
        Envelope envelope = EnvelopeScanner.scan(bytes);
        Opcode op = Opcode.fromCode(envelope.op());
        if (op == null || !op.clientMaySend()) {
            throw new CloseException(CloseCode.UNKNOWN_OPCODE, "unknown opcode " + envelope.op());
        }
        if (op == Opcode.HEARTBEAT) {
            heartbeat(envelope, now);
            return;
        }
        if (session == null) {
            switch (op) {
                case IDENTIFY -> {
                    Handshake.Identify identify = core.handshake().identify(tree(envelope));
                    connection.startCompression(identify.compression());
                    session = core.identify(connection, identify);
                    identified();
                }
                case RESUME -> {
                    Handshake.Resume resume = core.handshake().resume(tree(envelope));
                    connection.startCompression(resume.compression());
                    session = core.resume(connection, resume);
                    identified();
                }
                default -> throw new CloseException(CloseCode.NOT_IDENTIFIED, "not identified: send IDENTIFY or RESUME first");
            }
            return;
        }
        switch (op) {
            case IDENTIFY, RESUME -> throw new CloseException(CloseCode.ALREADY_IDENTIFIED, "already identified");
            case EVENT -> {
                if (!PublishAcks.take(session, envelope, core.metrics())) {
                    return;
                }
                EventType type = EventType.byName(envelope.t());
                if (type == null) {
                    throw new CloseException(CloseCode.INVALID_PAYLOAD, envelope.t() == null
                            ? "an event needs t" : "unknown event " + envelope.t());
                }
                core.event(session, type, envelope);
            }
            case ACK -> {
                if (envelope.dKind() != Envelope.DataKind.OBJECT || envelope.seq() < 0) {
                    throw new CloseException(CloseCode.INVALID_PAYLOAD, "ACK: d.s must be a sequence number");
                }
                core.ack(session, envelope.seq());
            }
            case CACHE -> {
                if (!PublishAcks.take(session, envelope, core.metrics())) {
                    return;
                }
                CachePermit.check(session.type(), envelope);
                core.cache(session, envelope);
            }
            default -> throw new CloseException(CloseCode.UNKNOWN_OPCODE, "unknown opcode " + envelope.op());
        }
    }

    /** The connection has a session now: no identify timeout, and backpressure knows whom to tell. */
    private void identified() {
        identifyTimeout.cancel(false);
        backpressure = new Backpressure(core, session, connection, gate);
    }

    /** The backlog reached its bound with a payload nobody else could take: close, resumable, with 4011. */
    private void slowConsumer() {
        if (!connection.isClosing()) {
            core.outbound().slowConsumersClosed().increment();
            close(CloseCode.SLOW_CONSUMER, "slow consumer: more than " + core.config().limits().backlogPayloads()
                    + " payloads or " + core.config().limits().backlogBytes() + " bytes waiting to be sent");
        }
    }

    @Override
    public void channelWritabilityChanged(ChannelHandlerContext ctx) {
        connection.writabilityChanged();
        if (backpressure != null) {
            backpressure.writabilityChanged(ctx.channel().isWritable());
        }
        ctx.fireChannelWritabilityChanged();
    }

    private void heartbeat(Envelope envelope, long now) {
        lastHeartbeat = now;
        if (envelope.dKind() == Envelope.DataKind.OTHER) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "HEARTBEAT: d must be an object or null");
        }
        if (envelope.dKind() == Envelope.DataKind.OBJECT && session != null) {
            JsonNode d = tree(envelope);
            JsonNode frames = d.path("frameStats");
            boolean hasFrames = frames.isObject();
            core.heartbeat(session, new HeartbeatStats(stat(d, "heapUsed"), stat(d, "guilds"), stat(d, "players"),
                    stat(d, "playingPlayers"), stat(d, "inFlight"), hasFrames ? stat(frames, "sent") : -1,
                    hasFrames ? stat(frames, "nulled") : -1, hasFrames ? stat(frames, "deficit") : -1));
        }
        connection.send(HEARTBEAT_ACK);
    }

    private static long stat(JsonNode d, String field) {
        JsonNode node = d.get(field);
        if (node == null || node.isNull()) {
            return -1;
        }
        if (!node.isIntegralNumber() || !node.canConvertToLong() || node.longValue() < 0) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "HEARTBEAT: " + field + " must be a non-negative integer");
        }
        return node.longValue();
    }

    private static JsonNode tree(Envelope envelope) {
        try {
            return Json.mapper().readTree(envelope.bytes(), envelope.dStart(), envelope.dLength());
        } catch (IOException e) {
            throw new CloseException(CloseCode.INVALID_JSON, "invalid JSON in d");
        }
    }

    private void close(CloseCode code, String reason) {
        if (connection.isClosing()) {
            return;
        }
        core.metrics().protocolClose();
        log.info("closing {} {}: {} {}", session == null ? "unidentified connection" : session,
                connection.remoteAddress(), code.code(), reason);
        connection.close(code, reason);
        if (session != null) {
            // Detached now, not when the client has answered the close frame: until then the session would look
            // connected and could be handed events the closing connection never delivers.
            core.connectionLost(session, connection, false);
        }
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        if (cause instanceof TooLongFrameException
                || (cause instanceof CorruptedWebSocketFrameException corrupted
                        && corrupted.closeStatus().equals(WebSocketCloseStatus.MESSAGE_TOO_BIG))) {
            close(CloseCode.PAYLOAD_TOO_LARGE, "frame larger than " + maxPayload + " bytes");
        } else if (cause instanceof CorruptedWebSocketFrameException) {
            log.info("WebSocket protocol error from {}: {}", connection.remoteAddress(), cause.getMessage());
            connection.close(WebSocketCloseStatus.PROTOCOL_ERROR.code(), "WebSocket protocol error");
        } else if (cause instanceof IOException) {
            log.debug("connection {} failed: {}", connection.remoteAddress(), cause.toString());
            ctx.close();
        } else {
            log.error("unexpected error on connection {}", connection.remoteAddress(), cause);
            connection.close(WebSocketCloseStatus.INTERNAL_SERVER_ERROR.code(), "internal error");
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) {
        if (heartbeatCheck != null) {
            heartbeatCheck.cancel(false);
        }
        if (identifyTimeout != null) {
            identifyTimeout.cancel(false);
        }
        if (backpressure != null) {
            backpressure.closed();
        }
        connection.release();
        int clientCode = connection.clientCloseCode();
        log.info("connection closed: {} {} (client close code {})", session == null ? "unidentified" : session,
                connection.remoteAddress(), clientCode);
        if (session != null) {
            core.connectionLost(session, connection, clientCode == CloseCode.NORMAL.code());
        }
        ctx.fireChannelInactive();
    }
}
