package dev.hubcord.audio.library;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Fills a directory with a few short tagged tones (and one untagged file), so that {@code !play <words>} finds
 * something offline in the demo: {@code java -cp audio-worker.jar dev.hubcord.audio.library.DemoLibrary DIR}.
 * Existing files are left alone; about 4 MB in all.
 */
public final class DemoLibrary {

    private DemoLibrary() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: DemoLibrary <directory>");
            System.exit(2);
        }
        Path dir = Files.createDirectories(Path.of(args[0]));
        write(dir, "a440.wav", WavWriter.sine(440), "Concert Pitch", "The Test Tones", "Reference Signals");
        write(dir, "a-major.wav", i -> (WavWriter.sine(440).applyAsDouble(i) + WavWriter.sine(554.37).applyAsDouble(i)
                + WavWriter.sine(659.25).applyAsDouble(i)) / 3, "A Major Chord", "The Test Tones", "Reference Signals");
        write(dir, "slow-beat.wav", i -> WavWriter.sine(330).applyAsDouble(i) * (0.6 + 0.4 * Math.sin(i * 2 * Math.PI
                / WavWriter.RATE)), "Slow Beat", "Hubcord Demo Band", "Loopback Sessions");
        write(dir, "Untagged Hum.wav", WavWriter.sine(110), null, null, null);
        System.out.println("demo library: " + dir.toAbsolutePath());
    }

    private static void write(Path dir, String name, java.util.function.IntToDoubleFunction signal, String title,
            String artist, String album) throws Exception {
        Path file = dir.resolve(name);
        if (!Files.exists(file)) {
            WavWriter.write(file, 5, signal, title, artist, album);
        }
    }
}
