package dev.hubcord.discordsim.gateway;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.List;
import java.util.zip.Deflater;

/**
 * {@code compress=zlib-stream}: ONE deflate context (RFC 1950, so the first message starts with {@code 78 9c}) for
 * the whole connection, each payload flushed with {@code Z_SYNC_FLUSH} so it ends with {@code 00 00 ff ff}.
 */
final class ZlibStream implements TransportCompression {

    private static final byte[] SUFFIX = {0, 0, (byte) 0xff, (byte) 0xff};

    private final Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, false);
    private final byte[] buffer = new byte[16 * 1024];
    private final boolean split;

    ZlibStream(boolean split) {
        this.split = split;
    }

    @Override
    public List<Message> encode(byte[] json) {
        deflater.setInput(json);
        ByteArrayOutputStream out = new ByteArrayOutputStream(json.length / 4 + 16);
        while (true) {
            int n = deflater.deflate(buffer, 0, buffer.length, Deflater.SYNC_FLUSH);
            out.write(buffer, 0, n);
            // A full buffer means the flush may be incomplete: Deflater's contract is to call again.
            if (n < buffer.length) {
                break;
            }
        }
        byte[] bytes = out.toByteArray();
        if (!split || bytes.length < 8) {
            return List.of(new Message(bytes, true));
        }
        int cut = bytes.length / 2;
        // The first part must not look complete to a client that waits for the suffix.
        while (cut > 4 && endsWithSuffix(Arrays.copyOf(bytes, cut))) {
            cut--;
        }
        return List.of(new Message(Arrays.copyOfRange(bytes, 0, cut), true),
                new Message(Arrays.copyOfRange(bytes, cut, bytes.length), true));
    }

    static boolean endsWithSuffix(byte[] bytes) {
        return bytes.length >= 4 && Arrays.equals(bytes, bytes.length - 4, bytes.length, SUFFIX, 0, 4);
    }

    @Override
    public void close() {
        deflater.end();
    }

    @Override
    public String name() {
        return "zlib-stream";
    }
}
