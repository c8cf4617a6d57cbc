package dev.hubcord.audio.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Sine-wave WAV files (48 kHz, stereo, 16-bit) for lavaplayer's local source. */
public final class Tones {

    private Tones() {}

    /** Writes {@code seconds} of a {@code hz} sine at amplitude 0.5 and returns the file. */
    public static Path sine(Path dir, double hz, double seconds) throws IOException {
        return stereo(dir, hz, hz, seconds);
    }

    /** A {@code leftHz} sine on the left and a {@code rightHz} one on the right (0 = silence), amplitude 0.5. */
    public static Path stereo(Path dir, double leftHz, double rightHz, double seconds) throws IOException {
        int rate = 48_000;
        int frames = (int) (rate * seconds);
        int dataBytes = frames * 4;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + dataBytes).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4)
                .putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(dataBytes);
        for (int i = 0; i < frames; i++) {
            b.putShort(sample(leftHz, i, rate)).putShort(sample(rightHz, i, rate));
        }
        String name = leftHz == rightHz ? Integer.toString((int) leftHz) : (int) leftHz + "-" + (int) rightHz;
        Path file = dir.resolve("tone-" + name + "-" + (int) (seconds * 1000) + ".wav");
        Files.write(file, b.array());
        return file;
    }

    private static short sample(double hz, int i, int rate) {
        return (short) (Math.sin(2 * Math.PI * hz * i / rate) * 0.5 * Short.MAX_VALUE);
    }
}
