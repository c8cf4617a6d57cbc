package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayer;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.InternalAudioTrack;
import com.sedmelluq.discord.lavaplayer.track.playback.AudioTrackExecutor;
import com.sedmelluq.discord.lavaplayer.track.playback.MutableAudioFrame;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Gapless and crossfaded transitions: a guild's two lavaplayer players, one {@link #active()} (heard), the other a
 * spare that decodes the next queued track ahead of time ({@link Armed}). When the active track runs out, the sender
 * thread switches to the spare within the same 20 ms tick ({@link Handed}), so no frame is missing; the guild's
 * executor then catches up ({@link #take}). During the fade window the sender takes the frames of both players and
 * sends their mix ({@link Crossfader}, one frame behind them: the starting track's frame mixed last goes out as it
 * is in the tick after the ending one ran out).
 *
 * <p>Threads: {@link #provide} runs on the sender thread, everything else on the guild's executor. The one slot is
 * an atomic reference, so an armed track is either switched to by the sender or cancelled by the executor, never
 * both; {@link #active} is written only by whichever of them won the slot.
 */
final class Handover {

    /** What is prepared next. */
    sealed interface Slot permits Armed, Handed {
        Next next();
    }

    /** The next track decodes on the spare player, not heard yet (except mixed in during the fade). */
    record Armed(Next next) implements Slot {}

    /**
     * The sender switched to the spare: the previous track ended ({@code loadFailed} when it never played) and the
     * next one is heard; the executor has not caught up yet.
     */
    record Handed(Next next, boolean loadFailed) implements Slot {}

    /**
     * A prepared track.
     *
     * @param track the track, a fresh instance (queue entries and the current track are never played twice)
     * @param again {@code true} when it repeats the current track ({@code repeat} track, or queue with an empty queue),
     *     {@code false} when it is the queue's head
     * @param player the player it decodes on
     * @param fadeFrom the active track's timecode (ms) where the crossfade starts
     * @param fadeMs the crossfade's length, 0 for a gapless cut
     */
    record Next(QueuedTrack track, boolean again, AudioPlayer player, long fadeFrom, long fadeMs) {}

    private final List<AudioPlayer> players;
    private final AtomicReference<Slot> slot = new AtomicReference<>();
    private final Crossfader crossfader;
    // sender thread only: the fade's frames
    private final MutableAudioFrame spareFrame = frame();
    /** The ending track's last frames before the fade (a ring), which warm the mixer up. */
    private final MutableAudioFrame[] before = {frame(), frame(), frame()};
    private int kept;
    /** The ending track's frame mixed last and not sent yet: sent as it is if the fade is cancelled. */
    private final MutableAudioFrame ahead = frame();
    private final MutableAudioFrame pulled = frame();
    /** A frame to send at the next tick before any is taken: the starting track's frame mixed last. */
    private final MutableAudioFrame pending = frame();
    private boolean hasPending;
    private final byte[] copyBuffer = new byte[4096];
    /** The fade running, or {@code null}, and the ending track's player. */
    private Next fading;
    private AudioPlayer ending;
    private long fadeTimecode;
    /** -1 while the ending track plays; then how many more frames of the starting one alone go through the mixer. */
    private int settling = -1;
    /** Frames of the starting track re-encoded after the ending one ran out (see {@link Crossfader}). */
    private static final int SETTLE_FRAMES = 2;
    private final Runnable armRequest;
    private final Runnable handedOver;
    private volatile AudioPlayer active;
    /** The active track's timecode from which the sender asks the executor to arm; {@code MAX_VALUE} = never. */
    private volatile long armAt = Long.MAX_VALUE;

    /**
     * @param armRequest posts the arming to the guild's executor (called on the sender thread)
     * @param handedOver posts the catching up to the guild's executor (called on the sender thread)
     */
    Handover(AudioPlayer first, AudioPlayer second, int opusQuality, Runnable armRequest, Runnable handedOver) {
        this.players = List.of(first, second);
        this.active = first;
        this.crossfader = new Crossfader(opusQuality);
        this.armRequest = armRequest;
        this.handedOver = handedOver;
    }

    private static MutableAudioFrame frame() {
        MutableAudioFrame f = new MutableAudioFrame();
        f.setBuffer(ByteBuffer.allocate(4096));
        return f;
    }

    List<AudioPlayer> players() {
        return players;
    }

    AudioPlayer active() {
        return active;
    }

    /** The player that is not active; only meaningful while the slot is empty. */
    AudioPlayer spare() {
        AudioPlayer a = active;
        return a == players.get(0) ? players.get(1) : players.get(0);
    }

    /** Asks for {@link #armRequest} once the active track reaches {@code timecode} ({@code MAX_VALUE}: never). */
    void armAt(long timecode) {
        armAt = timecode;
    }

    /** Whether a track is prepared (armed or already handed over). */
    boolean busy() {
        return slot.get() != null;
    }

    void arm(Next next) {
        slot.set(new Armed(next));
    }

    /** Whether {@code track} is the armed one (decoding on the spare, not handed over). */
    boolean isArmed(AudioTrack track) {
        return slot.get() instanceof Armed(Next n) && n.track().track() == track;
    }

    /** The handover the sender made that the executor has not caught up with, or {@code null}. */
    Handed handed() {
        return slot.get() instanceof Handed h ? h : null;
    }

    /**
     * Cancels an armed track (its player stops it). {@code false} when the sender has just handed over: the caller
     * catches up first and calls again.
     */
    boolean disarm() {
        Slot s = slot.get();
        if (s instanceof Armed armed) {
            if (!slot.compareAndSet(armed, null)) {
                return false;
            }
            armed.next().player().stopTrack();
            return true;
        }
        return s == null;
    }

    /**
     * Empties the slot and returns what it held, the prepared track now on the active player (switched to here if
     * the sender had not yet), or {@code null}.
     */
    Next take() {
        while (true) {
            Slot s = slot.get();
            if (s == null) {
                return null;
            }
            // first, so that a sender that finds the slot already empty finds the player switched too
            active = s.next().player();
            if (slot.compareAndSet(s, null)) {
                return s.next();
            }
        }
    }

    /** Sender thread: the guild's next frame, from the active player, mixed or switched as prepared. */
    boolean provide(MutableAudioFrame frame) {
        if (hasPending) {
            hasPending = false;
            copy(pending, frame);
            return true;
        }
        if (fading != null) {
            return fadeTick(frame);
        }
        AudioPlayer a = active;
        AudioTrack playing = a.getPlayingTrack();
        if (a.provide(frame)) {
            long timecode = frame.getTimecode();
            if (timecode >= armAt) {
                armAt = Long.MAX_VALUE;
                armRequest.run();
            }
            if (slot.get() instanceof Armed(Next n) && n.fadeMs() > 0) {
                if (timecode >= n.fadeFrom()) {
                    return startFade(frame, n);
                }
                if (timecode >= n.fadeFrom() - 20L * before.length) {
                    copy(frame, before[kept++ % before.length]);
                }
            }
            return true;
        }
        if (a.getPlayingTrack() == null && slot.get() instanceof Armed armed
                && slot.compareAndSet(armed, new Handed(armed.next(), failedBeforeLoad(playing)))) {
            active = armed.next().player();
            handedOver.run();
            return active.provide(frame);
        }
        AudioPlayer now = active;
        // the executor switched players meanwhile (it saw the track's end first): the next track's frame still
        // goes out in this tick
        return now != a && now.provide(frame);
    }

    /** {@code frame} holds the ending track's first frame of the fade. */
    private boolean startFade(MutableAudioFrame frame, Next n) {
        if (!n.player().provide(spareFrame)) {
            return true; // the next track is not ready: this frame alone, the fade starts when it is
        }
        crossfader.warm(before, kept);
        kept = 0;
        settling = -1;
        fadeTimecode = frame.getTimecode();
        crossfader.push(frame, spareFrame, progress(n, fadeTimecode), frame); // warms the encoder up only
        copy(frame, ahead);
        fading = n;
        ending = active;
        return fadeTick(frame);
    }

    /**
     * One frame of the fade: takes the next frame of both tracks, mixes them and sends the frame mixed before (see
     * {@link Crossfader}). When the ending track runs out, the starting one's player becomes the active one here.
     */
    private boolean fadeTick(MutableAudioFrame frame) {
        Next n = fading;
        boolean gotA = false;
        if (settling < 0) {
            Slot s = slot.get();
            // the executor switches players itself when it sees the ending track's end first
            boolean switched = active == n.player();
            if (!switched && !(s instanceof Armed armed && armed.next() == n)) {
                endFade(); // cancelled: the ending track goes on from its own frame that was not sent
                copy(ahead, frame);
                return true;
            }
            gotA = !switched && ending.provide(pulled);
            if (switched || (!gotA && ending.getPlayingTrack() == null)) { // the ending track ran out
                if (!switched && slot.compareAndSet(s, new Handed(n, false))) {
                    active = n.player();
                    handedOver.run();
                } else if (active != n.player()) {
                    endFade(); // cancelled meanwhile
                    copy(ahead, frame);
                    return true;
                }
                settling = SETTLE_FRAMES;
            }
        }
        boolean gotB = n.player().provide(spareFrame);
        fadeTimecode = gotA ? pulled.getTimecode() : fadeTimecode + 20;
        double p = settling >= 0 ? 1 : progress(n, fadeTimecode);
        if (!crossfader.push(gotA ? pulled : null, gotB ? spareFrame : null, p, frame)) {
            copy(settling >= 0 && gotB ? spareFrame : ahead, frame); // not encoded: a track's own frame, not nothing
        }
        if (gotA) {
            copy(pulled, ahead);
        }
        if (settling == 0) {
            endFade();
            if (gotB) {
                copy(spareFrame, pending); // mixed into a frame never sent: it goes out as it is, next
                hasPending = true;
            }
        } else if (settling > 0) {
            settling--;
        }
        return true;
    }

    private static double progress(Next n, long timecode) {
        return (timecode + 10.0 - n.fadeFrom()) / n.fadeMs(); // the frame's middle
    }

    private void endFade() {
        fading = null;
        crossfader.close();
    }

    private void copy(MutableAudioFrame from, MutableAudioFrame to) {
        int length = from.getDataLength();
        from.getData(copyBuffer, 0);
        to.store(copyBuffer, 0, length);
        to.setTimecode(from.getTimecode());
    }

    private static boolean failedBeforeLoad(AudioTrack track) {
        if (track instanceof InternalAudioTrack t) {
            AudioTrackExecutor executor = t.getActiveExecutor();
            return executor != null && executor.failedBeforeLoad();
        }
        return false;
    }

    /** Stops both players; frees the mixer's codecs. */
    void destroy() {
        slot.set(null);
        armAt = Long.MAX_VALUE;
        players.forEach(AudioPlayer::destroy);
        crossfader.close();
    }
}
