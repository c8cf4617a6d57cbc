package dev.hubcord.discordsim.voice;

import dev.hubcord.dave.DaveException;
import dev.hubcord.dave.DaveSession;
import dev.hubcord.dave.FrameDecryptor;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A listener the simulator hosts in a voice channel: a DAVE member (its own {@link DaveSession}) that joins the
 * group through the simulated gateway and decrypts every frame the bot sends, as a Discord client would. After
 * {@link VoiceServer#removeListener} it keeps trying (and failing) to decrypt, which shows it was removed from the
 * group.
 */
public final class SimulatedListener {

    /** One bot frame as received (after transport decryption) and what this listener made of it. */
    public record Decrypted(byte[] received, byte[] opus) {}

    /** Frames (and failures) kept for reading: the last five minutes, so a listener left on in a demo stays small. */
    static final int KEPT = 15_000;

    private final long userId;
    private final DaveSession dave;
    // appended 50 times a second on the UDP thread: guarded by their own monitors, copied on read
    private final ArrayDeque<Decrypted> decrypted = new ArrayDeque<>();
    private final ArrayDeque<DaveException.Kind> failures = new ArrayDeque<>();
    private final AtomicLong decryptedCount = new AtomicLong();
    private final AtomicLong failureCount = new AtomicLong();
    private final AtomicLong frames = new AtomicLong();
    private volatile boolean connected = true;

    SimulatedListener(long userId, long channelId) {
        this.userId = userId;
        this.dave = new DaveSession(userId, channelId);
    }

    public long userId() {
        return userId;
    }

    /** The listener's DAVE session (epoch, epoch authenticator, protocol version). */
    public DaveSession session() {
        return dave;
    }

    public boolean connected() {
        return connected;
    }

    /**
     * Frames from the bot that decrypted (silence and passthrough frames included), in arrival order: the last
     * {@value #KEPT}.
     */
    public List<Decrypted> decrypted() {
        synchronized (decrypted) {
            return new ArrayList<>(decrypted);
        }
    }

    /** Why each failed frame failed, in arrival order: the last {@value #KEPT}. */
    public List<DaveException.Kind> failures() {
        synchronized (failures) {
            return new ArrayList<>(failures);
        }
    }

    /** How many frames decrypted so far (all of them, not only the kept ones). */
    public long decryptedCount() {
        return decryptedCount.get();
    }

    /** How many frames failed to decrypt so far. */
    public long failureCount() {
        return failureCount.get();
    }

    /** Frames from the bot this listener was offered. */
    public long frames() {
        return frames.get();
    }

    void disconnected() {
        connected = false;
    }

    /** Called on the UDP thread for each transport-decrypted frame of the bot. */
    void receive(long botUserId, byte[] frame) {
        frames.incrementAndGet();
        FrameDecryptor decryptor = dave.decryptor(botUserId);
        if (decryptor == null) {
            failed(DaveException.Kind.MISSING_CRYPTOR);
            return;
        }
        try {
            Decrypted d = new Decrypted(frame, decryptor.decrypt(frame));
            keep(decrypted, d);
            decryptedCount.incrementAndGet();
        } catch (DaveException e) {
            failed(e.kind());
        }
    }

    private void failed(DaveException.Kind kind) {
        keep(failures, kind);
        failureCount.incrementAndGet();
    }

    private static <T> void keep(ArrayDeque<T> kept, T value) {
        synchronized (kept) {
            if (kept.size() == KEPT) {
                kept.removeFirst();
            }
            kept.addLast(value);
        }
    }
}
