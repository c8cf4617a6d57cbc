package dev.hubcord.systemtests.harness;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Music for the bot to play: WAV files of sine tones written by the test, served over HTTP on loopback the way a
 * user's link to a file on the web would be.
 */
public final class Tracks implements AutoCloseable {

    private static final int RATE = 16_000;

    private final Path dir;
    private final HttpServer server;

    public Tracks(Path dir) {
        this.dir = dir;
        try {
            Files.createDirectories(dir);
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", exchange -> {
            Path file = dir.resolve(exchange.getRequestURI().getPath().substring(1)).normalize();
            if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
                exchange.sendResponseHeaders(404, -1);
                exchange.close();
                return;
            }
            exchange.getResponseHeaders().set("Content-Type", "audio/wav");
            exchange.sendResponseHeaders(200, Files.size(file));
            try (OutputStream out = exchange.getResponseBody()) {
                Files.copy(file, out);
            } catch (IOException clientWentAway) {
                // a player that seeks or stops closes its connection
            }
        });
        server.start();
    }

    /** Writes a mono 16 kHz tone of this length (once) and returns its URL. */
    public String tone(String name, int hertz, int seconds) {
        Path file = dir.resolve(name + ".wav");
        if (!Files.exists(file)) {
            write(file, hertz, seconds);
        }
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/" + name + ".wav";
    }

    private static void write(Path file, int hertz, int seconds) {
        int samples = RATE * seconds;
        ByteBuffer b = ByteBuffer.allocate(44 + samples * 2).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + samples * 2).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE).putInt(RATE * 2)
                .putShort((short) 2).putShort((short) 16);
        b.put("data".getBytes()).putInt(samples * 2);
        for (int i = 0; i < samples; i++) {
            b.putShort((short) (Math.sin(2 * Math.PI * hertz * i / RATE) * 8_000));
        }
        try {
            Files.write(file, b.array());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
