package dev.hubcord.audio.library;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.IntToDoubleFunction;

/**
 * Writes 16-bit stereo PCM WAV files with RIFF INFO tags ({@code INAM} title, {@code IART} artist, {@code IPRD}
 * album), the tagged format that needs no encoder: for the demo library and the tests.
 */
public final class WavWriter {

    /** Sample rate of the files written. */
    public static final int RATE = 48_000;

    private WavWriter() {}

    /**
     * Writes {@code seconds} of {@code signal} (sample index → −1..1, the same on both channels); empty or null tags
     * are left out, and with none there is no LIST chunk at all.
     */
    public static Path write(Path file, double seconds, IntToDoubleFunction signal, String title, String artist,
            String album) throws IOException {
        byte[] info = info(title, artist, album);
        int frames = (int) (RATE * seconds);
        int dataBytes = frames * 4;
        int listBytes = info.length == 0 ? 0 : 8 + 4 + info.length;
        ByteBuffer b = ByteBuffer.allocate(12 + 24 + listBytes + 8 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(ascii("RIFF")).putInt(4 + 24 + listBytes + 8 + dataBytes).put(ascii("WAVE"));
        b.put(ascii("fmt ")).putInt(16).putShort((short) 1).putShort((short) 2).putInt(RATE).putInt(RATE * 4)
                .putShort((short) 4).putShort((short) 16);
        if (listBytes > 0) {
            b.put(ascii("LIST")).putInt(4 + info.length).put(ascii("INFO")).put(info);
        }
        b.put(ascii("data")).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            short s = (short) (Math.max(-1, Math.min(1, signal.applyAsDouble(i))) * Short.MAX_VALUE);
            b.putShort(s).putShort(s);
        }
        Files.write(file, b.array());
        return file;
    }

    /** A sine of {@code hz} at half amplitude. */
    public static IntToDoubleFunction sine(double hz) {
        return i -> 0.5 * Math.sin(2 * Math.PI * hz * i / RATE);
    }

    /** The INFO list's sub-chunks, each NUL-terminated and padded to an even size (readers skip by the size). */
    private static byte[] info(String title, String artist, String album) {
        ByteBuffer b = ByteBuffer.allocate(3 * 1040).order(ByteOrder.LITTLE_ENDIAN);
        String[][] tags = {{"INAM", title}, {"IART", artist}, {"IPRD", album}};
        for (String[] tag : tags) {
            if (tag[1] == null || tag[1].isEmpty()) {
                continue;
            }
            byte[] text = tag[1].getBytes(StandardCharsets.UTF_8);
            if (text.length > 1024) {
                throw new IllegalArgumentException(tag[0] + " longer than 1024 bytes");
            }
            int size = text.length + 1;
            b.put(ascii(tag[0])).putInt(size).put(text).put((byte) 0);
            if (size % 2 == 1) {
                b.put((byte) 0);
            }
        }
        byte[] out = new byte[b.position()];
        b.flip().get(out);
        return out;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
