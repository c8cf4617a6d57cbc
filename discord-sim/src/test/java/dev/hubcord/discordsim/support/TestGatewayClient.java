package dev.hubcord.discordsim.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.luben.zstd.ZstdDecompressCtx;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A minimal gateway client for tests, on java.net.http's WebSocket: it decodes zlib-stream and zstd-stream with ONE
 * long-lived context per connection, the way a real client must, and keeps every raw websocket message.
 */
public final class TestGatewayClient implements AutoCloseable {

    public static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] ZLIB_SUFFIX = {0, 0, (byte) 0xff, (byte) 0xff};

    public enum Compression { NONE, ZLIB, ZSTD }

    private final Compression compression;
    private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
    private final List<byte[]> rawMessages = new ArrayList<>();
    private final CompletableFuture<Integer> closeCode = new CompletableFuture<>();
    private final Inflater inflater = new Inflater();
    private final ZstdDecompressCtx zstd = new ZstdDecompressCtx();
    private final ByteArrayOutputStream zlibPending = new ByteArrayOutputStream();
    private final ByteArrayOutputStream partial = new ByteArrayOutputStream();
    private final StringBuilder partialText = new StringBuilder();
    private volatile String closeReason;
    private WebSocket ws;

    private TestGatewayClient(Compression compression) {
        this.compression = compression;
    }

    /** Connects to {@code baseUrl} plus {@code ?v=10&encoding=json} and the compress parameter. */
    public static TestGatewayClient connect(String baseUrl, Compression compression) {
        String query = "?v=10&encoding=json" + switch (compression) {
            case NONE -> "";
            case ZLIB -> "&compress=zlib-stream";
            case ZSTD -> "&compress=zstd-stream";
        };
        return connectRaw(baseUrl + query, compression);
    }

    public static TestGatewayClient connectRaw(String url, Compression compression) {
        TestGatewayClient c = new TestGatewayClient(compression);
        c.ws = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(url), c.listener()).orTimeout(5, TimeUnit.SECONDS).join();
        return c;
    }

    private WebSocket.Listener listener() {
        return new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                partialText.append(data);
                if (last) {
                    String text = partialText.toString();
                    partialText.setLength(0);
                    synchronized (rawMessages) {
                        rawMessages.add(text.getBytes(StandardCharsets.UTF_8));
                    }
                    received.add(parse(text));
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onBinary(WebSocket w, ByteBuffer data, boolean last) {
                byte[] chunk = new byte[data.remaining()];
                data.get(chunk);
                partial.writeBytes(chunk);
                if (last) {
                    byte[] message = partial.toByteArray();
                    partial.reset();
                    synchronized (rawMessages) {
                        rawMessages.add(message);
                    }
                    decode(message);
                }
                w.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket w, int statusCode, String reason) {
                closeReason = reason;
                closeCode.complete(statusCode);
                return null;
            }

            @Override
            public void onError(WebSocket w, Throwable error) {
                closeCode.complete(-1); // TCP drop without a close frame
            }
        };
    }

    private void decode(byte[] message) {
        try {
            if (compression == Compression.ZLIB) {
                zlibPending.writeBytes(message);
                byte[] all = zlibPending.toByteArray();
                if (!Arrays.equals(all, all.length - 4, all.length, ZLIB_SUFFIX, 0, 4)) {
                    return; // a payload may span several websocket messages: wait for the sync-flush suffix
                }
                zlibPending.reset();
                received.add(parse(new String(inflate(inflater, all), StandardCharsets.UTF_8)));
            } else if (compression == Compression.ZSTD) {
                received.add(parse(new String(unzstd(zstd, message), StandardCharsets.UTF_8)));
            } else {
                received.add(parse(new String(message, StandardCharsets.UTF_8)));
            }
        } catch (DataFormatException | RuntimeException e) {
            ObjectNode error = JSON.createObjectNode();
            error.put("decode_error", e.toString());
            received.add(error);
        }
    }

    public static byte[] inflate(Inflater inflater, byte[] input) throws DataFormatException {
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        while (true) {
            int n = inflater.inflate(buf);
            out.write(buf, 0, n);
            if (n == 0 && (inflater.needsInput() || inflater.finished() || inflater.needsDictionary())) {
                break;
            }
        }
        return out.toByteArray();
    }

    /** Decodes one zstd-stream message: call until all input is consumed and the output was not filled. */
    public static byte[] unzstd(ZstdDecompressCtx ctx, byte[] input) {
        ByteBuffer src = ByteBuffer.allocateDirect(input.length);
        src.put(input).flip();
        ByteBuffer dst = ByteBuffer.allocateDirect(64 * 1024);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        while (true) {
            dst.clear();
            ctx.decompressDirectByteBufferStream(dst, src);
            boolean filled = !dst.hasRemaining();
            dst.flip();
            byte[] b = new byte[dst.remaining()];
            dst.get(b);
            out.writeBytes(b);
            if (!src.hasRemaining() && !filled) {
                return out.toByteArray();
            }
        }
    }

    private static JsonNode parse(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException e) {
            ObjectNode error = JSON.createObjectNode();
            error.put("decode_error", e.toString());
            error.put("text", text);
            return error;
        }
    }

    public void send(String json) {
        ws.sendText(json, true).orTimeout(5, TimeUnit.SECONDS).join();
    }

    public void send(JsonNode payload) {
        send(payload.toString());
    }

    /** The next payload, or an AssertionError after {@code timeout}. */
    public JsonNode next(Duration timeout) {
        try {
            JsonNode n = received.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (n == null) {
                throw new AssertionError("no gateway payload within " + timeout);
            }
            if (n.has("decode_error")) {
                throw new AssertionError("undecodable payload: " + n);
            }
            return n;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    public JsonNode next() {
        return next(Duration.ofSeconds(5));
    }

    /** Skips payloads until a dispatch of {@code type} arrives. */
    public JsonNode nextDispatch(String type) {
        while (true) {
            JsonNode n = next();
            if (n.path("op").asInt() == 0 && type.equals(n.path("t").asText())) {
                return n;
            }
        }
    }

    /** Skips payloads until one with {@code op} arrives. */
    public JsonNode nextOp(int op) {
        while (true) {
            JsonNode n = next();
            if (n.path("op").asInt() == op) {
                return n;
            }
        }
    }

    /** Payloads received but not yet taken. */
    public List<JsonNode> drain() {
        List<JsonNode> all = new ArrayList<>();
        received.drainTo(all);
        return all;
    }

    public List<byte[]> rawMessages() {
        synchronized (rawMessages) {
            return List.copyOf(rawMessages);
        }
    }

    /** The close code the server sent (-1 for a drop without close frame), waiting up to 5 s. */
    public int awaitClose() {
        return closeCode.orTimeout(5, TimeUnit.SECONDS).join();
    }

    public boolean closed() {
        return closeCode.isDone();
    }

    public String closeReason() {
        return closeReason;
    }

    public void close(int code) {
        ws.sendClose(code, "bye").orTimeout(5, TimeUnit.SECONDS).join();
        awaitClose();
    }

    /** Drops the connection without a close frame. */
    public void abort() {
        ws.abort();
    }

    @Override
    public void close() {
        if (!ws.isOutputClosed()) {
            ws.abort();
        }
        inflater.end();
        zstd.close();
    }
}
