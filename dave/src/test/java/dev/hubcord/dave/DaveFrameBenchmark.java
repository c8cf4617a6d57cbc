package dev.hubcord.dave;

import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * DAVE media transform throughput for a 120-byte Opus frame, with keys from a real MLS group (bot + one listener
 * formed through the in-memory gateway). Run with {@code dave/bench.sh}; one JMH thread = one core.
 *
 * <ul>
 *   <li>{@code encrypt}: the bot's {@link FrameEncryptor} into a reused buffer (the audio worker's send path);
 *   <li>{@code encryptThenDecrypt}: the same plus the listener's {@link FrameDecryptor} (a future receive path).
 * </ul>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class DaveFrameBenchmark {

    private FrameEncryptor encryptor;
    private FrameDecryptor decryptor;
    private final byte[] opus = new byte[120];
    private final byte[] encrypted = new byte[FrameEncryptor.maxEncryptedSize(120)];
    private final byte[] decrypted = new byte[encrypted.length];

    @Setup
    public void setUp() {
        VoiceRoom room = new VoiceRoom();
        DaveSession bot = room.join(DaveEndToEndTest.BOT);
        DaveSession alice = room.join(DaveEndToEndTest.ALICE);
        // make the ratchets "old": a long run passes 2^24 frames (generation 1), which a young ratchet refuses
        room.clock.advanceSeconds(1e8);
        encryptor = bot.encryptor();
        decryptor = alice.decryptor(DaveEndToEndTest.BOT);
        new Random(1).nextBytes(opus);
        opus[0] = (byte) 0xFC;
    }

    @Benchmark
    public int encrypt() {
        return encryptor.encrypt(opus, 0, opus.length, encrypted, 0);
    }

    @Benchmark
    public int encryptThenDecrypt() {
        int n = encryptor.encrypt(opus, 0, opus.length, encrypted, 0);
        return decryptor.decrypt(encrypted, 0, n, decrypted, 0);
    }
}
