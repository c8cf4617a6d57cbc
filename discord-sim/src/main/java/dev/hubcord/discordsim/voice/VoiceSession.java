package dev.hubcord.discordsim.voice;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.discordsim.json.Json;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.BinaryWebSocketFrame;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import io.netty.handler.codec.http.websocketx.WebSocketFrame;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * One voice session on the server: who identified, the SSRC and key, the server's message sequence with a buffer
 * for resume, and the RTP continuity state the UDP side checks. Guarded by its own monitor; the RTP fields are
 * touched only by the single UDP thread.
 */
final class VoiceSession {

    final long guildId;
    final long userId;
    final String sessionId;
    final String token;
    final int ssrc;
    final int maxDaveVersion;

    private final int bufferLimit;
    private final ArrayDeque<Buffered> buffer = new ArrayDeque<>();
    private long seq;
    private Channel channel;

    volatile String mode;
    volatile TransportDecryptor decryptor;
    volatile boolean speaking;

    // RTP continuity, UDP thread only
    boolean seenRtp;
    int lastSequence;
    long lastTimestamp;

    /** A numbered server message: JSON text, or a binary frame {@code u16 seq | u8 op | payload}. */
    /** The opcodes the last resume replayed, in order (for tests). */
    private List<Integer> replayed = List.of();

    private record Buffered(long seq, String json, byte[] binary) {
        int op() {
            return json != null ? Json.parseOrNull(json).path("op").asInt() : binary[2] & 0xff;
        }

        WebSocketFrame frame() {
            return json != null ? new TextWebSocketFrame(json) : new BinaryWebSocketFrame(Unpooled.wrappedBuffer(binary));
        }
    }

    VoiceSession(long guildId, long userId, String sessionId, String token, int ssrc, int maxDaveVersion,
            int bufferLimit) {
        this.guildId = guildId;
        this.userId = userId;
        this.sessionId = sessionId;
        this.token = token;
        this.ssrc = ssrc;
        this.maxDaveVersion = maxDaveVersion;
        this.bufferLimit = bufferLimit;
    }

    /** Numbers a server message, keeps it for resume and writes it to the current connection if any. */
    synchronized void send(int op, JsonNode d) {
        ObjectNode msg = Json.obj();
        msg.put("op", op);
        msg.set("d", d);
        msg.put("seq", ++seq);
        write(new Buffered(seq, msg.toString(), null));
    }

    /** Numbers a binary DAVE message ({@code u16 seq | u8 op | payload}; the seq counts for seq_ack too). */
    synchronized void sendBinary(int op, byte[] payload) {
        byte[] frame = new byte[payload.length + 3];
        long n = ++seq;
        frame[0] = (byte) (n >>> 8);
        frame[1] = (byte) n;
        frame[2] = (byte) op;
        System.arraycopy(payload, 0, frame, 3, payload.length);
        write(new Buffered(n, null, frame));
    }

    private void write(Buffered message) {
        buffer.add(message);
        while (buffer.size() > bufferLimit) {
            buffer.poll();
        }
        if (channel != null && channel.isActive()) {
            channel.writeAndFlush(message.frame());
        }
    }

    /** Attaches a connection after RESUME and replays what the client missed; {@code false} if the buffer is short. */
    synchronized boolean resume(Channel newChannel, long seqAck, JsonNode resumedData) {
        Buffered oldest = buffer.peek();
        if (oldest != null && oldest.seq() > seqAck + 1) {
            return false;
        }
        List<Buffered> missed = new ArrayList<>();
        for (Buffered b : buffer) {
            if (b.seq() > seqAck) {
                missed.add(b);
            }
        }
        this.channel = newChannel;
        send(9, resumedData);
        for (Buffered b : missed) {
            newChannel.writeAndFlush(b.frame());
        }
        replayed = missed.stream().map(Buffered::op).toList();
        return true;
    }

    synchronized List<Integer> replayed() {
        return replayed;
    }

    synchronized void attach(Channel newChannel) {
        this.channel = newChannel;
    }

    synchronized void detach(Channel old) {
        if (channel == old) {
            channel = null;
        }
    }

    synchronized Channel channel() {
        return channel;
    }

    VoiceSessionInfo info() {
        return new VoiceSessionInfo(guildId, userId, sessionId, token, ssrc, mode, speaking, maxDaveVersion);
    }
}
