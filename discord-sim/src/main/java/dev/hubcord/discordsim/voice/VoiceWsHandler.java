package dev.hubcord.discordsim.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.dave.DaveException;
import dev.hubcord.discordsim.json.Json;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.CloseWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketServerProtocolHandler;
import io.netty.handler.ssl.SslHandshakeCompletionEvent;
import java.security.GeneralSecurityException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One voice gateway connection: Hello on connect, then identify or resume, select protocol, heartbeats and speaking.
 * Unknown client opcodes close with 4001, undecodable JSON with 4002, anything before identify with 4003, a second
 * identify with 4005, a bad resume with 4006 and an unknown mode with 4016, as Discord documents them.
 */
final class VoiceWsHandler extends SimpleChannelInboundHandler<WebSocketFrame> {

    /** Client JSON opcodes the server accepts; DAVE's 23 and 31 go to the guild's {@link DaveRoom}. */
    private static final Set<Integer> CLIENT_OPS = Set.of(0, 1, 3, 5, 7, 23, 31);

    private static final Logger log = LoggerFactory.getLogger(VoiceWsHandler.class);

    private final VoiceServer server;
    private VoiceSession session;

    VoiceWsHandler(VoiceServer server) {
        this.server = server;
    }

    @Override
    public void userEventTriggered(ChannelHandlerContext ctx, Object evt) throws Exception {
        if (evt instanceof SslHandshakeCompletionEvent tls && !tls.isSuccess()) {
            // most likely a client that does not trust the sim's voice CA: one line per connection says so
            log.warn("voice gateway: TLS handshake with {} failed ({}); wss:// clients must trust the sim's voice CA "
                    + "(GET /_sim/voice tls_ca_pem, VoiceServer.tls())", ctx.channel().remoteAddress(),
                    tls.cause().toString());
        }
        if (evt instanceof WebSocketServerProtocolHandler.HandshakeComplete) {
            ObjectNode hello = Json.obj();
            hello.put("op", 8);
            ObjectNode d = hello.putObject("d");
            d.put("v", 8);
            d.put("heartbeat_interval", server.config().heartbeatIntervalMs());
            ctx.writeAndFlush(new TextWebSocketFrame(hello.toString()));
            server.register(ctx.channel());
        }
        super.userEventTriggered(ctx, evt);
    }

    @Override
    protected void channelRead0(ChannelHandlerContext ctx, WebSocketFrame frame) {
        if (frame instanceof BinaryWebSocketFrame binary) {
            int op = binary.content().readableBytes() > 0 ? binary.content().getUnsignedByte(0) : -1;
            server.record(new ClientMessage(session == null ? 0 : session.guildId, op, null));
            if (session == null) {
                close(ctx, 4003, "Not authenticated");
            } else if (op == 26 || op == 28) {
                byte[] payload = new byte[binary.content().readableBytes() - 1];
                binary.content().getBytes(1, payload);
                VoiceSession from = session;
                server.daveWork(() -> {
                    try {
                        server.room(from.guildId).fromBot(from, op, payload);
                    } catch (DaveException e) {
                        // an invalid key package or commit: the gateway drops such a client
                        close(ctx, 4002, "Invalid DAVE payload");
                    }
                });
            } else {
                close(ctx, 4001, "Unknown opcode");
            }
            return;
        }
        if (!(frame instanceof TextWebSocketFrame text)) {
            return;
        }
        JsonNode msg = Json.parseOrNull(text.text());
        if (msg == null || !msg.path("op").isInt()) {
            close(ctx, 4002, "Failed to decode payload");
            return;
        }
        int op = msg.get("op").intValue();
        JsonNode d = msg.path("d");
        long guild = session != null ? session.guildId : Math.max(0, Json.snowflake(d.path("server_id")));
        server.record(new ClientMessage(guild, op, d));
        if (!CLIENT_OPS.contains(op)) {
            close(ctx, 4001, "Unknown opcode");
            return;
        }
        switch (op) {
            case 0 -> identify(ctx, d);
            case 7 -> resume(ctx, d);
            case 3 -> heartbeat(ctx, d);
            default -> {
                if (session == null) {
                    close(ctx, 4003, "Not authenticated");
                } else if (op == 1) {
                    selectProtocol(ctx, d);
                } else if (op == 5) {
                    session.speaking = d.path("speaking").asInt(0) != 0;
                } else {
                    VoiceSession from = session;
                    int transitionId = d.path("transition_id").asInt(-1);
                    server.daveWork(() -> server.room(from.guildId).fromBotJson(from, op, transitionId));
                }
            }
        }
    }

    private void identify(ChannelHandlerContext ctx, JsonNode d) {
        if (session != null) {
            close(ctx, 4005, "Already authenticated");
            return;
        }
        long guildId = Json.snowflake(d.path("server_id"));
        long userId = Json.snowflake(d.path("user_id"));
        String sessionId = d.path("session_id").asText("");
        String token = d.path("token").asText("");
        if (guildId <= 0 || userId <= 0 || sessionId.isEmpty() || token.isEmpty()) {
            close(ctx, 4004, "Authentication failed");
            return;
        }
        int maxDave = d.path("max_dave_protocol_version").asInt(0);
        if (maxDave < server.room(guildId).protocolVersion()) {
            close(ctx, 4017, "E2EE/DAVE protocol required");
            return;
        }
        session = server.newSession(guildId, userId, sessionId, token, maxDave);
        session.attach(ctx.channel());
        ObjectNode ready = Json.obj();
        ready.put("ssrc", session.ssrc);
        ready.put("ip", server.config().host());
        ready.put("port", server.udpPort());
        ArrayNode modes = ready.putArray("modes");
        server.config().modes().forEach(modes::add);
        ready.put("heartbeat_interval", 1); // Discord's Ready interval is wrong too; clients must use Hello's
        session.send(2, ready);
    }

    private void resume(ChannelHandlerContext ctx, JsonNode d) {
        if (server.resumesPaused() && ctx.channel().isActive()) {
            // a slow voice server: the client's messages keep piling up in the session's buffer meanwhile
            ctx.executor().schedule(() -> resume(ctx, d), 10, java.util.concurrent.TimeUnit.MILLISECONDS);
            return;
        }
        if (session != null) {
            close(ctx, 4005, "Already authenticated");
            return;
        }
        VoiceSession known = server.sessionFor(Json.snowflake(d.path("server_id")));
        long seqAck = d.path("seq_ack").asLong(-1);
        if (known == null || !known.sessionId.equals(d.path("session_id").asText())
                || !known.token.equals(d.path("token").asText())) {
            close(ctx, 4006, "Session no longer valid");
            return;
        }
        io.netty.channel.Channel previous = known.channel();
        if (previous != null && previous != ctx.channel()) {
            previous.close(); // a resume replaces a connection the server still thinks is open
        }
        if (!known.resume(ctx.channel(), seqAck, Json.obj())) {
            close(ctx, 4006, "Session no longer valid");
            return;
        }
        session = known;
    }

    private void heartbeat(ChannelHandlerContext ctx, JsonNode d) {
        ObjectNode ack = Json.obj();
        ack.put("op", 6);
        ObjectNode ackData = ack.putObject("d");
        ackData.set("t", d.path("t"));
        if (!server.heartbeatsPaused()) {
            ctx.writeAndFlush(new TextWebSocketFrame(ack.toString()));
        }
    }

    private void selectProtocol(ChannelHandlerContext ctx, JsonNode d) {
        String mode = d.path("data").path("mode").asText("");
        if (!server.config().modes().contains(mode)) {
            close(ctx, 4016, "Unknown encryption mode");
            return;
        }
        byte[] key = server.randomKey();
        try {
            session.decryptor = new TransportDecryptor(mode, key);
        } catch (GeneralSecurityException e) {
            close(ctx, 4016, "Unknown encryption mode");
            return;
        }
        session.mode = mode;
        ObjectNode description = Json.obj();
        description.put("mode", mode);
        ArrayNode keyArray = description.putArray("secret_key");
        for (byte b : key) {
            keyArray.add(b & 0xff);
        }
        DaveRoom room = server.room(session.guildId);
        int dave = Math.min(room.protocolVersion(), session.maxDaveVersion);
        description.put("dave_protocol_version", dave);
        session.send(4, description);
        VoiceSession bot = session;
        server.daveWork(() -> room.botConnected(bot)); // version 0: no DAVE messages, but listeners see its frames

    }

    static void close(ChannelHandlerContext ctx, int code, String reason) {
        ctx.writeAndFlush(new CloseWebSocketFrame(code, reason)).addListener(ChannelFutureListener.CLOSE);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        if (session != null) {
            session.detach(ctx.channel());
        }
        server.unregister(ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close();
    }
}
