package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.format.AudioDataFormat;
import com.sedmelluq.discord.lavaplayer.format.OpusAudioDataFormat;
import com.sedmelluq.discord.lavaplayer.format.transcoder.AudioChunkEncoder;
import com.sedmelluq.discord.lavaplayer.player.AudioConfiguration;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Discord's output format (Opus, 48 kHz stereo, 20 ms frames) whose encoders time themselves: lavaplayer asks the
 * output format for the encoder at the end of each track's PCM pipeline (decoded or filtered audio), so wrapping it
 * is the one place the worker sees every Opus encode. {@code audio_opus_encode_seconds} is the time of one call into
 * the native encoder, one 20 ms frame each; tracks that are Opus already and need no processing pass through without
 * an encode and are not counted. Until {@link #bind} there is no timer and no clock read. Recording costs two
 * {@code nanoTime} calls and a histogram increment, no allocation.
 */
public final class TimedOpusFormat extends OpusAudioDataFormat {

    private volatile Timer timer;

    public TimedOpusFormat() {
        super(2, 48_000, 960);
    }

    /** Registers {@code audio_opus_encode_seconds} (a histogram from 20 µs to 20 ms) and starts timing. */
    public void bind(MeterRegistry registry) {
        timer = Timer.builder("audio.opus.encode").description("one Opus frame (20 ms of audio) encoded by lavaplayer")
                .publishPercentileHistogram().minimumExpectedValue(Duration.ofNanos(20_000))
                .maximumExpectedValue(Duration.ofMillis(20)).register(registry);
    }

    @Override
    public AudioChunkEncoder createEncoder(AudioConfiguration configuration) {
        return new Timed(super.createEncoder(configuration));
    }

    /**
     * Equal to any Opus format of the same shape, in either direction: lavaplayer compares its output format with a
     * track's own format to let Opus tracks through without re-encoding, and the subclass must not defeat that.
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof AudioDataFormat f && f.codecName().equals(codecName()) && f.channelCount == channelCount
                && f.sampleRate == sampleRate && f.chunkSampleCount == chunkSampleCount;
    }

    @Override
    public int hashCode() {
        return super.hashCode();
    }

    private final class Timed implements AudioChunkEncoder {
        private final AudioChunkEncoder encoder;

        Timed(AudioChunkEncoder encoder) {
            this.encoder = encoder;
        }

        @Override
        public byte[] encode(ShortBuffer buffer) {
            Timer t = timer;
            if (t == null) {
                return encoder.encode(buffer);
            }
            long start = System.nanoTime();
            byte[] out = encoder.encode(buffer);
            t.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
            return out;
        }

        @Override
        public void encode(ShortBuffer buffer, ByteBuffer out) {
            Timer t = timer;
            if (t == null) {
                encoder.encode(buffer, out);
                return;
            }
            long start = System.nanoTime();
            encoder.encode(buffer, out);
            t.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        }

        @Override
        public void close() {
            encoder.close();
        }
    }
}
