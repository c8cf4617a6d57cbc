package dev.hubcord.hub.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.codec.Json;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket with a tiny receive buffer, which reads only when told to: after IDENTIFIED it
 * can simply stop reading, as a stuck process would, while it goes on writing. Frames are built by hand (masked, as
 * a client must), so nothing below it reads on its behalf.
 */
public final class StuckClient implements AutoCloseable {

    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;
    private String sessionId;

    private StuckClient(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = new BufferedOutputStream(socket.getOutputStream(), 1 << 16);
    }

    /** Connects, upgrades, reads HELLO, identifies as {@code type} with the extra IDENTIFY fields, reads IDENTIFIED. */
    public static StuckClient identified(TestHub hub, String type, String extraJson) {
        try {
            Socket socket = new Socket();
            socket.setReceiveBufferSize(4096); // before connect, so the window is small from the start
            socket.connect(new InetSocketAddress("127.0.0.1", hub.port()), 5_000);
            socket.setSoTimeout(10_000);
            StuckClient client = new StuckClient(socket);
            client.upgrade();
            client.readText(); // HELLO
            client.sendText("{\"op\":0,\"d\":{\"type\":\"" + type + "\",\"secret\":\"" + TestHub.SECRET + "\""
                    + (extraJson == null ? "" : "," + extraJson) + "}}");
            client.flush();
            JsonNode identified = client.readText();
            if (!"IDENTIFIED".equals(identified.path("t").asText())) {
                throw new AssertionError("expected IDENTIFIED, got " + identified);
            }
            client.sessionId = identified.at("/d/session").asText();
            return client;
        } catch (IOException e) {
            throw new AssertionError("stuck client could not connect", e);
        }
    }

    private void upgrade() throws IOException {
        byte[] key = new byte[16];
        ThreadLocalRandom.current().nextBytes(key);
        out.write(("GET /ws/v1 HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                + "Sec-WebSocket-Key: " + Base64.getEncoder().encodeToString(key) + "\r\nSec-WebSocket-Version: 13\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        int matched = 0;
        StringBuilder head = new StringBuilder();
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                throw new IOException("closed during upgrade: " + head);
            }
            head.append((char) b);
            matched = (b == '\r' && (matched == 0 || matched == 2)) || (b == '\n' && (matched == 1 || matched == 3))
                    ? matched + 1 : 0;
        }
        if (!head.toString().startsWith("HTTP/1.1 101")) {
            throw new IOException("upgrade refused: " + head);
        }
    }

    /** Queues one masked text frame (call {@link #flush}). */
    public void sendText(String json) throws IOException {
        byte[] payload = json.getBytes(StandardCharsets.UTF_8);
        out.write(0x81);
        if (payload.length < 126) {
            out.write(0x80 | payload.length);
        } else if (payload.length < 65536) {
            out.write(0x80 | 126);
            out.write(payload.length >>> 8);
            out.write(payload.length & 0xFF);
        } else {
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) ((long) payload.length >>> shift) & 0xFF);
            }
        }
        byte[] mask = {1, 2, 3, 4};
        out.write(mask);
        for (int i = 0; i < payload.length; i++) {
            payload[i] ^= mask[i & 3];
        }
        out.write(payload);
    }

    public void flush() throws IOException {
        out.flush();
    }

    /** Reads the next text frame (skipping others) and parses it; a close frame is returned as {@code {"close":code}}. */
    public JsonNode readText() throws IOException {
        while (true) {
            int b0 = in.readUnsignedByte();
            int b1 = in.readUnsignedByte();
            long length = b1 & 0x7F;
            if (length == 126) {
                length = in.readUnsignedShort();
            } else if (length == 127) {
                length = in.readLong();
            }
            byte[] payload = new byte[(int) length];
            in.readFully(payload);
            int opcode = b0 & 0x0F;
            if (opcode == 1) {
                return Json.mapper().readTree(payload);
            }
            if (opcode == 8) {
                int code = payload.length >= 2 ? ((payload[0] & 0xFF) << 8) | (payload[1] & 0xFF) : 1005;
                return Json.mapper().readTree("{\"close\":" + code + "}");
            }
        }
    }

    public String sessionId() {
        return sessionId;
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
    }
}
