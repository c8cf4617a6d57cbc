package dev.hubcord.audio.bench;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes the benchmark's source WAV (44.1 kHz stereo, so playback also resamples): {@code MakeWav <file> <seconds>}. */
public final class MakeWav {

    public static void main(String[] args) throws Exception {
        int rate = 44_100;
        int frames = rate * Integer.parseInt(args[1]);
        ByteBuffer b = ByteBuffer.allocate(44 + frames * 4).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + frames * 4).put("WAVE".getBytes()).put("fmt ".getBytes()).putInt(16)
                .putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4).putShort((short) 4)
                .putShort((short) 16).put("data".getBytes()).putInt(frames * 4);
        for (int i = 0; i < frames; i++) {
            double t = (double) i / rate;
            double hz = 440 + 20 * Math.sin(2 * Math.PI * 5 * t);
            short s = (short) (Math.sin(2 * Math.PI * hz * t) * 0.4 * Short.MAX_VALUE);
            b.putShort(s).putShort((short) (s / 2));
        }
        Files.write(Path.of(args[0]), b.array());
    }
}
