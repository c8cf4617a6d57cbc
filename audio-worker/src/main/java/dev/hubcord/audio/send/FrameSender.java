package dev.hubcord.audio.send;

import com.sedmelluq.discord.lavaplayer.track.playback.MutableAudioFrame;
import dev.hubcord.audio.transport.UdpTransport;
import dev.hubcord.audio.voice.VoiceConnection;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one sender thread. Every 20 ms it walks the registered guilds and sends each connected one frame: audio when
 * lavaplayer has one, else up to five silence frames after audio stopped. Deadlines are absolute, so jitter does not
 * accumulate; after a stall shorter than {@value #MAX_BURST} periods the missed ticks run back to back (receivers
 * buffer them), after a longer one they are skipped and counted as deficit. Preallocated buffers keep it from
 * producing garbage of its own.
 */
public final class FrameSender implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(FrameSender.class);
    static final long PERIOD_NANOS = 20_000_000L;
    static final int MAX_BURST = 5;
    private static final int SILENCE_FRAMES = 5;

    private final Map<Long, Slot> slots = new ConcurrentHashMap<>();
    private final FrameStats stats = new FrameStats();
    private final MutableAudioFrame frame = new MutableAudioFrame();
    private final byte[] data = new byte[4096];
    private final Thread thread;
    private volatile boolean running = true;

    private static final class Slot {
        final FrameSource source;
        final VoiceConnection voice;
        int silenceLeft;

        Slot(FrameSource source, VoiceConnection voice) {
            this.source = source;
            this.voice = voice;
        }
    }

    public FrameSender() {
        frame.setBuffer(ByteBuffer.wrap(new byte[4096]));
        thread = Thread.ofPlatform().name("audio-sender").daemon().priority(Thread.MAX_PRIORITY).unstarted(this::run);
        thread.start();
    }

    /** Starts sending the guild's frames over its voice connection (replacing a previous registration). */
    public void register(long guildId, FrameSource source, VoiceConnection voice) {
        slots.put(guildId, new Slot(source, voice));
    }

    public void unregister(long guildId) {
        slots.remove(guildId);
    }

    public FrameStats stats() {
        return stats;
    }

    private void run() {
        long next = System.nanoTime();
        while (running) {
            long now = System.nanoTime();
            if (now < next) {
                LockSupport.parkNanos(next - now);
                continue;
            }
            long behind = (now - next) / PERIOD_NANOS;
            if (behind >= MAX_BURST) {
                stats.missed(behind * countPlaying());
                next += behind * PERIOD_NANOS;
                log.debug("sender stalled for {} periods", behind);
            }
            try {
                tick();
            } catch (RuntimeException e) {
                log.warn("sender tick failed", e);
            }
            stats.roll(now);
            next += PERIOD_NANOS;
        }
    }

    private long countPlaying() {
        long n = 0;
        for (Slot slot : slots.values()) {
            if (slot.voice.isReady() && slot.source.expectsFrames()) {
                n++;
            }
        }
        return n;
    }

    private void tick() {
        for (Slot slot : slots.values()) {
            UdpTransport udp = slot.voice.transport();
            if (udp == null) {
                continue; // not connected: leave the frames in lavaplayer's buffer, the track waits
            }
            try {
                send(slot, udp);
            } catch (RuntimeException e) {
                log.warn("guild {}: sending failed", slot.voice.guildId(), e);
            }
        }
    }

    private void send(Slot slot, UdpTransport udp) {
        boolean expected = slot.source.expectsFrames();
        if (expected) {
            stats.expect(1);
        }
        if (slot.source.provide(frame)) {
            int length = frame.getDataLength();
            frame.getData(data, 0);
            if (udp.send(data, 0, length, false)) {
                stats.sent();
                slot.silenceLeft = SILENCE_FRAMES;
            } else if (expected) {
                stats.nulled();
            }
        } else {
            if (expected) {
                stats.nulled();
            }
            if (slot.silenceLeft > 0) {
                slot.silenceLeft--;
                udp.send(UdpTransport.SILENCE, 0, UdpTransport.SILENCE.length, true);
            }
        }
    }

    @Override
    public void close() {
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
