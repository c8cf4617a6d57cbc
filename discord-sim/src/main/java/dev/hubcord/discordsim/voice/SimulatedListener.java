package dev.hubcord.discordsim.voice;

import dev.hubcord.dave.DaveException;
import dev.hubcord.dave.DaveSession;
import dev.hubcord.dave.FrameDecryptor;
import java.util.ArrayList;
import java.util.Collections;
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

    private final long userId;
    private final DaveSession dave;
    // appended 50 times a second on the UDP thread: synchronized lists, copied on read
    private final List<Decrypted> decrypted = Collections.synchronizedList(new ArrayList<>());
    private final List<DaveException.Kind> failures = Collections.synchronizedList(new ArrayList<>());
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

    /** Frames from the bot that decrypted (silence and passthrough frames included), in arrival order. */
    public List<Decrypted> decrypted() {
        synchronized (decrypted) {
            return new ArrayList<>(decrypted);
        }
    }

    /** Why each failed frame failed, in arrival order. */
    public List<DaveException.Kind> failures() {
        synchronized (failures) {
            return new ArrayList<>(failures);
        }
    }

    /** How many frames decrypted so far, without copying them. */
    public int decryptedCount() {
        return decrypted.size();
    }

    /** How many frames failed to decrypt so far. */
    public int failureCount() {
        return failures.size();
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
            failures.add(DaveException.Kind.MISSING_CRYPTOR);
            return;
        }
        try {
            decrypted.add(new Decrypted(frame, decryptor.decrypt(frame)));
        } catch (DaveException e) {
            failures.add(e.kind());
        }
    }
}
