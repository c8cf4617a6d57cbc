package dev.hubcord.lavalinktests;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/** A 48 kHz 16-bit stereo WAV of a sine at half amplitude: a local track the audio worker can load. */
final class Wav {

    private Wav() {
    }

    static Path sine(Path file, double hz, int seconds) throws IOException {
        int rate = 48_000;
        int frames = rate * seconds;
        int data = frames * 4;
        ByteBuffer b = ByteBuffer.allocate(44 + data).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes()).putInt(36 + data).put("WAVE".getBytes());
        b.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 2).putInt(rate).putInt(rate * 4)
                .putShort((short) 4).putShort((short) 16);
        b.put("data".getBytes()).putInt(data);
        for (int i = 0; i < frames; i++) {
            short s = (short) (0.5 * Short.MAX_VALUE * Math.sin(2 * Math.PI * hz * i / rate));
            b.putShort(s).putShort(s);
        }
        Files.write(file, b.array());
        return file;
    }
}
