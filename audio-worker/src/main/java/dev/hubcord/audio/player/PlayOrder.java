package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayer;
import com.sedmelluq.discord.lavaplayer.player.event.AudioEventAdapter;
import com.sedmelluq.discord.lavaplayer.tools.FriendlyException;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackEndReason;
import com.sedmelluq.discord.lavaplayer.track.TrackMarker;
import com.sedmelluq.discord.lavaplayer.track.TrackMarkerHandler.MarkerState;
import com.sedmelluq.discord.lavaplayer.track.playback.MutableAudioFrame;
import java.util.List;
import java.util.function.Consumer;

/**
 * The order of play of a {@link GuildPlayer}: the current track, the queue and repeat mode, how one track follows
 * another, and lavaplayer's events turned into the guild's track events. Its fields are the guild player's state,
 * confined like it to the guild's executor (the guild player's commands change them directly); only {@link
 * #provide} runs on the sender thread.
 *
 * <p>Gapless: {@value #PRELOAD_MS} ms before the current track's fade (or end) the next one (the queue's head, or the
 * same track again per {@code repeat}) starts decoding on the spare player ("armed", {@link Handover}), and the sender
 * switches to it in the tick the current one runs out. Any command that changes what comes next cancels the armed
 * track first ({@link #cancelPreload}); it is armed again when the current track's frames reach the point ({@link
 * #planArm}). Events of a track armed but never heard are not reported (lavaplayer's user data marks it), so the hub
 * sees the same start and end events as without preloading.
 */
final class PlayOrder {

    /** How long before the fade (or the end) the next track starts decoding: covers a slow source's first frames. */
    static final long PRELOAD_MS = 3000;

    /** lavaplayer user data of a track whose events are not reported. */
    private enum Mark {
        /** Armed on the spare player: its start is reported when it is heard, its failure when it plays for real. */
        PRELOADED,
        /** Its end was reported when the sender switched away from it. */
        REPORTED
    }

    private final GuildPlayer owner;
    private final PlayerEvents events;
    private final TrackCodec codec;
    private final SerialExecutor executor;
    final Handover handover;
    final TrackQueue queue;
    RepeatMode repeat = RepeatMode.OFF;
    volatile QueuedTrack current; // read by other threads for snapshots
    int crossfadeMs;
    /**
     * The position a start or seek asked for, until the next frame is provided (then -1). lavaplayer reports the
     * timecode of the last frame provided, which says 0 (or the old position) until then, e.g. for as long as a
     * restored or seeked player stays paused; a snapshot taken meanwhile must still carry the right position.
     */
    volatile long positionUntilNextFrame = -1;
    private boolean endMarkerReached;
    /** The armed track failed before it was heard: the current track's successor starts the ordinary way. */
    private boolean armBlocked;

    PlayOrder(GuildPlayer owner, AudioPlayer first, AudioPlayer second, int opusQuality, int crossfadeMs,
            PlayerEvents events, TrackQueue queue) {
        this.owner = owner;
        this.events = events;
        this.codec = owner.codec();
        this.executor = owner.executor();
        this.queue = queue;
        this.crossfadeMs = crossfadeMs;
        this.handover = new Handover(first, second, opusQuality, () -> executor.execute(this::arm),
                () -> executor.execute(this::settle));
        AudioEventAdapter listener = new AudioEventAdapter() {
            @Override
            public void onTrackEnd(AudioPlayer p, AudioTrack track, AudioTrackEndReason reason) {
                executor.execute(() -> ended(track, reason));
            }

            @Override
            public void onTrackException(AudioPlayer p, AudioTrack track, FriendlyException e) {
                executor.execute(() -> reported(track, t -> events.trackException(owner, t, e)));
            }

            @Override
            public void onTrackStuck(AudioPlayer p, AudioTrack track, long thresholdMs) {
                executor.execute(() -> reported(track, t -> events.trackStuck(owner, t, thresholdMs)));
            }
        };
        first.addListener(listener);
        second.addListener(listener);
    }

    /** Reports an event of {@code track} unless it belongs to a track armed but not heard. */
    private void reported(AudioTrack track, Consumer<QueuedTrack> report) {
        settle();
        if (track.getUserData() != Mark.PRELOADED) {
            report.accept(PlayerEvents.orBare(current, track, codec));
        }
    }

    /** Stops the current track ({@code stopped}); nothing starts. */
    void stopCurrent() {
        cancelPreload();
        current = null;
        handover.active().stopTrack();
    }

    void start(QueuedTrack t) {
        start(t, t == null ? 0 : t.startTime());
    }

    void start(QueuedTrack t, long position) {
        cancelPreload();
        current = t;
        endMarkerReached = false;
        armBlocked = false;
        positionUntilNextFrame = t == null ? -1 : position;
        if (t == null) {
            handover.active().stopTrack();
            return;
        }
        prepare(t, position);
        handover.active().startTrack(t.track(), false);
        // posted: lavaplayer has just posted the replaced track's end, which comes first
        executor.execute(() -> events.trackStart(owner, t));
        planArm();
    }

    /** Start position and end marker, before the track starts. */
    private void prepare(QueuedTrack t, long position) {
        AudioTrack track = t.track();
        if (position > 0) {
            track.setPosition(position);
        }
        if (t.endTime() > 0) {
            track.setMarker(new TrackMarker(t.endTime(), state -> {
                if (state == MarkerState.REACHED || state == MarkerState.BYPASSED || state == MarkerState.LATE) {
                    executor.execute(() -> endMarker(track));
                }
            }));
        }
    }

    private void endMarker(AudioTrack track) {
        settle();
        if (current != null && current.track() == track) {
            endMarkerReached = true;
            handover.active().stopTrack(); // reported as finished by ended(), or by settle() after a handover
        }
    }

    private void ended(AudioTrack track, AudioTrackEndReason reason) {
        settle();
        Object mark = track.getUserData();
        if (mark == Mark.REPORTED) {
            return;
        }
        if (mark == Mark.PRELOADED) {
            if (handover.isArmed(track)) { // it failed (or was cleaned up) before it was heard
                cancelPreload();
                armBlocked = true;
            }
            return;
        }
        boolean isCurrent = current != null && current.track() == track;
        QueuedTrack ended = PlayerEvents.orBare(isCurrent ? current : null, track, codec);
        boolean finished = reason == AudioTrackEndReason.FINISHED || (isCurrent && endMarkerReached);
        String wire = finished ? "finished" : switch (reason) {
            case LOAD_FAILED -> "loadFailed";
            case STOPPED -> "stopped";
            case REPLACED -> "replaced";
            case CLEANUP -> "cleanup";
            case FINISHED -> "finished";
        };
        events.trackEnd(owner, ended, wire);
        if (isCurrent) {
            current = null;
            if (finished || reason == AudioTrackEndReason.LOAD_FAILED) {
                advance(ended, reason == AudioTrackEndReason.LOAD_FAILED);
            }
            events.stateChanged(owner);
        }
    }

    /**
     * Catches up with a handover the sender made: the current track ended (reported here; its own end event, which
     * may come later, is then ignored) and the armed one plays. Every command calls this first.
     */
    void settle() {
        Handover.Handed h = handover.handed();
        if (h == null) {
            return;
        }
        QueuedTrack ended = current;
        current = null;
        if (ended != null) {
            ended.track().setUserData(Mark.REPORTED);
            events.trackEnd(owner, ended, h.loadFailed() ? "loadFailed" : "finished");
        }
        advance(ended, h.loadFailed());
        events.stateChanged(owner);
    }

    void advance(QueuedTrack ended, boolean failed) {
        Handover.Next next = handover.take();
        if (next != null && (!failed || !next.again())) {
            boolean requeue = repeat == RepeatMode.QUEUE && !failed && ended != null;
            if (requeue) {
                queue.add(List.of(ended.again()));
            }
            if (!next.again() || requeue) {
                queue.poll(); // the head the armed track was made from (with queue repeat: maybe the ended one)
            }
            adopt(next.track());
            return;
        }
        if (next != null) {
            next.player().stopTrack(); // the repeat of a track that failed: not played, as without preloading
        }
        if (ended == null) {
            return;
        }
        if (repeat == RepeatMode.TRACK && !failed) {
            start(ended.again());
            return;
        }
        if (repeat == RepeatMode.QUEUE && !failed) {
            queue.add(List.of(ended.again()));
        }
        QueuedTrack following = queue.poll();
        if (following != null) {
            start(following);
        }
    }

    /** The armed track, now heard, becomes the current one. */
    private void adopt(QueuedTrack t) {
        t.track().setUserData(null);
        current = t;
        endMarkerReached = false;
        armBlocked = false;
        positionUntilNextFrame = -1;
        events.trackStart(owner, t);
        planArm();
    }

    /** Cancels an armed track (catching up first with a handover that beat it). */
    void cancelPreload() {
        settle();
        while (!handover.disarm()) {
            settle();
        }
        handover.armAt(Long.MAX_VALUE);
    }

    /** Tells the sender from which frame of the current track to ask for {@link #arm}. */
    void planArm() {
        handover.armAt(Long.MAX_VALUE);
        Transition t = transition();
        if (t != null && !handover.busy()) {
            handover.armAt(Math.max(0, t.fadeFrom() - PRELOAD_MS));
        }
    }

    /** On the sender's request: starts the next track decoding on the spare player. */
    private void arm() {
        settle();
        Transition t = transition();
        if (t == null || handover.busy()) {
            return;
        }
        QueuedTrack next = t.source().again();
        next.track().setUserData(Mark.PRELOADED);
        AudioPlayer spare = handover.spare();
        prepare(next, next.startTime());
        handover.arm(new Handover.Next(next, t.again(), spare, t.fadeFrom(), t.fadeMs()));
        spare.startTrack(next.track(), false);
    }

    /** The coming transition, or {@code null} when none can be prepared. */
    Transition transition() {
        if (current == null || armBlocked || handover.active().isPaused()) {
            return null;
        }
        return Transition.of(current, queue.peek(), repeat, crossfadeMs);
    }

    /** Sender thread. */
    boolean provide(MutableAudioFrame frame) {
        boolean provided = handover.provide(frame);
        if (provided && positionUntilNextFrame >= 0) {
            positionUntilNextFrame = -1;
        }
        return provided;
    }
}
