package dev.hubcord.hub.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.protocol.codec.FrameDecompressor;
import dev.hubcord.protocol.codec.Json;
import dev.hubcord.protocol.codec.ZlibDecompressor;
import dev.hubcord.protocol.codec.ZstdStreamDecompressor;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A deliberately plain WebSocket client (the JDK's) that speaks the hub protocol by hand, so tests
 * can send exactly the bytes they mean — including bad ones — and see exactly what the hub sends.
 * Binary frames are kept raw and also decoded with the session's decompressor when one is set.
 */
public final class RawClient implements AutoCloseable {

    /** A received frame: text, or binary bytes. */
    public record Frame(String text, byte[] binary) {
        public boolean isBinary() {
            return binary != null;
        }
    }

    /** How the connection ended. */
    public record Close(int code, String reason) {}

    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final BlockingQueue<Frame> frames = new LinkedBlockingQueue<>();
    private final List<Frame> rawFrames = java.util.Collections.synchronizedList(new ArrayList<>());
    private final CompletableFuture<Close> closed = new CompletableFuture<>();
    private final WebSocket socket;
    private FrameDecompressor decompressor;

    private RawClient(URI uri) {
        StringBuilder text = new StringBuilder();
        ByteArrayOutputStream binary = new ByteArrayOutputStream();
        this.socket = HTTP.newWebSocketBuilder().connectTimeout(TIMEOUT).buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                text.append(data);
                if (last) {
                    Frame f = new Frame(text.toString(), null);
                    rawFrames.add(f);
                    frames.add(f);
                    text.setLength(0);
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket ws, ByteBuffer data, boolean last) {
                byte[] chunk = new byte[data.remaining()];
                data.get(chunk);
                binary.writeBytes(chunk);
                if (last) {
                    Frame f = new Frame(null, binary.toByteArray());
                    rawFrames.add(f);
                    frames.add(f);
                    binary.reset();
                }
                ws.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
                closed.complete(new Close(statusCode, reason));
                return null;
            }

            @Override
            public void onError(WebSocket ws, Throwable error) {
                closed.complete(new Close(-1, String.valueOf(error)));
            }
        }).join();
    }

    public static RawClient connect(URI uri) {
        return new RawClient(uri);
    }

    /** Connects and reads HELLO. */
    public static RawClient connectAndHello(TestHub hub) {
        RawClient client = connect(hub.wsUri());
        JsonNode hello = client.next();
        assertEquals(3, hello.get("op").intValue(), "first payload must be HELLO");
        return client;
    }

    /** Connects, reads HELLO, IDENTIFYs with the given extra fields, and returns the client after IDENTIFIED. */
    public static RawClient identified(TestHub hub, String type, String compress, String extraJson) {
        RawClient client = connectAndHello(hub);
        client.identify(type, compress, extraJson);
        JsonNode identified = client.next();
        assertEquals("IDENTIFIED", identified.path("t").asText(), () -> "expected IDENTIFIED, got " + identified);
        client.identifiedData = identified.get("d");
        return client;
    }

    public static RawClient identified(TestHub hub, String type) {
        return identified(hub, type, null, null);
    }

    private JsonNode identifiedData;

    public JsonNode identifiedData() {
        return identifiedData;
    }

    public String sessionId() {
        return identifiedData.get("session").asText();
    }

    public void identify(String type, String compress, String extraJson) {
        String compressPart = compress == null ? "" : ",\"compress\":" + compress;
        String extra = extraJson == null ? "" : "," + extraJson;
        sendText("{\"op\":0,\"d\":{\"type\":\"" + type + "\",\"secret\":\"" + TestHub.SECRET + "\"" + compressPart + extra + "}}");
        if (compress != null && !compress.equals("false")) {
            decompressor = compress.contains("zlib") ? new ZlibDecompressor(64 << 20) : new ZstdStreamDecompressor(64 << 20);
        }
    }

    /** Sets the decompressor used for binary frames (for RESUME with compression). */
    public void useDecompressor(FrameDecompressor decompressor) {
        this.decompressor = decompressor;
    }

    public void sendText(String json) {
        socket.sendText(json, true).join();
    }

    public void sendBinary(byte[] bytes) {
        socket.sendBinary(ByteBuffer.wrap(bytes), true).join();
    }

    public void send(int op, String t, String dJson) {
        sendText("{\"op\":" + op + (t == null ? "" : ",\"t\":\"" + t + "\"") + ",\"d\":" + dJson + "}");
    }

    public void event(String t, String dJson) {
        send(2, t, dJson);
    }

    public void ack(long s) {
        send(7, null, "{\"s\":" + s + "}");
    }

    public void heartbeat() {
        send(1, null, "{\"heapUsed\":1000}");
    }

    /** The next payload, decoded (decompressing binary frames), within the timeout. */
    public JsonNode next() {
        JsonNode node = poll(TIMEOUT);
        if (node == null) {
            fail("no payload within " + TIMEOUT + (closed.isDone() ? "; closed: " + closed.join() : ""));
        }
        return node;
    }

    /** The next payload, or {@code null} when none arrives in time. */
    public JsonNode poll(Duration timeout) {
        try {
            Frame frame = frames.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (frame == null) {
                return null;
            }
            String json = frame.isBinary()
                    ? new String(decompressor.decompress(Unpooled.wrappedBuffer(frame.binary())), StandardCharsets.UTF_8)
                    : frame.text();
            return Json.mapper().readTree(json);
        } catch (Exception e) {
            throw new AssertionError("could not read payload", e);
        }
    }

    /** The next op 2 event, skipping heartbeat ACKs. */
    public JsonNode nextEvent() {
        while (true) {
            JsonNode payload = next();
            if (payload.get("op").intValue() == 2) {
                return payload;
            }
        }
    }

    /** Every frame received so far, raw. */
    public List<Frame> rawFrames() {
        synchronized (rawFrames) {
            return new ArrayList<>(rawFrames);
        }
    }

    /** Waits for the hub to close the connection and checks the code. */
    public Close expectClose(int code) {
        Close close = awaitClose();
        assertEquals(code, close.code(), () -> "close was " + close);
        return close;
    }

    public Close awaitClose() {
        try {
            Close close = closed.get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
            assertNotNull(close);
            return close;
        } catch (Exception e) {
            throw new AssertionError("connection was not closed within " + TIMEOUT, e);
        }
    }

    public boolean isClosed() {
        return closed.isDone();
    }

    /** Closes with a code (1000 ends the session at once; others leave it resumable). */
    public void close(int code) {
        try {
            socket.sendClose(code, "bye").get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            // already closed
        }
        awaitCloseQuietly();
    }

    /** Drops the TCP connection without a close frame, as a crashed process would. */
    public void kill() {
        socket.abort();
    }

    private void awaitCloseQuietly() {
        try {
            closed.get(5, TimeUnit.SECONDS);
        } catch (Exception ignored) {
            socket.abort();
        }
    }

    public static ObjectNode object() {
        return Json.mapper().createObjectNode();
    }

    @Override
    public void close() {
        if (!closed.isDone()) {
            socket.abort();
        }
        if (decompressor != null) {
            decompressor.close();
        }
    }
}
