package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayer;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.playback.MutableAudioFrame;
import dev.hubcord.audio.filter.FilterFactory;
import dev.hubcord.audio.filter.Filters;
import dev.hubcord.audio.send.FrameSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One guild's player: its commands, settings and snapshot. What plays and what comes next is its {@link PlayOrder}
 * (two lavaplayer players, the queue, repeat mode, gapless and crossfaded transitions).
 * Every method except {@link #provide} and {@link #expectsFrames} must run on {@link #executor()}; lavaplayer's
 * events are re-posted there, so a track's end (from the sender thread) and a skip (from the hub) never interleave.
 * A track end moves to the next track only when the ended track is still the current one.
 */
public final class GuildPlayer implements FrameSource {

    private final long guildId;
    private final TrackCodec codec;
    private final PlayerEvents events;
    private final SerialExecutor executor;
    private final PlayOrder order;
    private String channelId;
    private Filters filters = Filters.NONE;
    /** Set while a filter is active; {@code null} keeps lavaplayer's Opus passthrough. */
    private FilterFactory filterFactory;

    /**
     * @param first the player heard first
     * @param second the spare, on which the next track decodes ahead (same manager)
     * @param opusQuality the Opus complexity for crossfaded frames
     * @param crossfadeMs the guild's crossfade until told otherwise ({@code AUDIO_CROSSFADE_MS})
     */
    public GuildPlayer(long guildId, AudioPlayer first, AudioPlayer second, int opusQuality, int crossfadeMs,
            TrackCodec codec, PlayerEvents events, Random random) {
        this.guildId = guildId;
        this.codec = codec;
        this.events = events;
        this.executor = new SerialExecutor("guild-" + guildId);
        this.order = new PlayOrder(this, first, second, opusQuality, crossfadeMs, events, new TrackQueue(random));
    }

    public long guildId() {
        return guildId;
    }

    public SerialExecutor executor() {
        return executor;
    }

    public TrackCodec codec() {
        return codec;
    }

    public void channelId(String id) {
        if (!Objects.equals(id, channelId)) {
            this.channelId = id;
            events.stateChanged(this); // the hub hands a guild on only when its snapshot names a voice channel
        }
    }

    public String channelId() {
        return channelId;
    }

    /** Plays now, replacing the current track (which ends with {@code replaced}); the queue stays. */
    public void playNow(QueuedTrack track) {
        order.start(track);
        events.stateChanged(this);
    }

    /** Appends (or inserts at {@code index}), and starts the first one when nothing is playing. */
    public void enqueue(List<QueuedTrack> tracks, int index) {
        if (index == 0 || order.queue.size() == 0) {
            order.cancelPreload(); // what comes next changes
        }
        if (index < 0) {
            order.queue.add(tracks);
        } else {
            order.queue.insert(index, tracks);
        }
        if (order.current == null) {
            order.start(order.queue.poll());
        }
        order.planArm();
        events.stateChanged(this);
    }

    /** Skips the current track and {@code count - 1} queued ones; the next one starts (or playback stops). */
    public void skip(int count) {
        order.cancelPreload();
        order.queue.drop(count - 1);
        QueuedTrack next = order.queue.poll();
        if (next != null) {
            order.start(next);
        } else {
            stop();
        }
        events.stateChanged(this);
    }

    /** Stops the current track ({@code stopped}); the queue stays and nothing starts. */
    public void stop() {
        order.stopCurrent();
        events.stateChanged(this);
    }

    public void clear() {
        order.cancelPreload();
        order.queue.clear();
        order.planArm();
        events.stateChanged(this);
    }

    public void shuffle() {
        order.cancelPreload();
        order.queue.shuffle();
        order.planArm();
        events.stateChanged(this);
    }

    /** @throws IndexOutOfBoundsException for a bad index */
    public QueuedTrack remove(int index) {
        if (index == 0) {
            order.cancelPreload();
        }
        QueuedTrack removed = order.queue.remove(index);
        order.planArm();
        events.stateChanged(this);
        return removed;
    }

    public void repeat(RepeatMode mode) {
        if (mode != order.repeat) {
            order.cancelPreload();
        }
        order.repeat = mode;
        order.planArm();
        events.stateChanged(this);
    }

    /**
     * Sets the crossfade between queued tracks, 0 for a gapless cut. A fade already running is cancelled (the next
     * track is armed again with the new length).
     */
    public void crossfade(int ms) {
        if (ms != order.crossfadeMs) {
            order.cancelPreload();
            order.crossfadeMs = ms;
            order.planArm();
        }
        events.stateChanged(this);
    }

    public int crossfadeMs() {
        return order.crossfadeMs;
    }

    /** Pausing cancels an armed track (lavaplayer would clean up a player not read for a minute); resuming re-arms. */
    public void pause(boolean paused) {
        if (paused) {
            order.cancelPreload();
        }
        order.handover.players().forEach(p -> p.setPaused(paused));
        order.planArm();
        events.stateChanged(this);
    }

    /** @throws IllegalStateException when nothing seekable plays */
    public void seek(long position) {
        order.settle();
        if (order.current == null || !order.current.track().isSeekable()) {
            throw new IllegalStateException("nothing seekable is playing");
        }
        order.cancelPreload();
        order.current.track().setPosition(position);
        order.positionUntilNextFrame = position;
        order.planArm();
        events.stateChanged(this);
    }

    /** 0-1000, 100 = unchanged. */
    public void volume(int volume) {
        order.handover.players().forEach(p -> p.setVolume(volume));
        events.stateChanged(this);
    }

    /**
     * Replaces all filters (as Lavalink's PATCH does). The playing track hears the change from its next block of PCM,
     * after the frames already buffered ({@code AUDIO_FRAME_BUFFER_MS}); with nothing active the factory is removed,
     * so an Opus source goes back to passthrough.
     */
    public void filters(Filters f) {
        filters = f;
        if (!f.active()) {
            filterFactory = null;
            order.handover.players().forEach(p -> p.setFilterFactory(null));
        } else if (filterFactory == null) {
            filterFactory = new FilterFactory(f); // one for both players: it builds a chain per track
            order.handover.players().forEach(p -> p.setFilterFactory(filterFactory));
        } else {
            filterFactory.update(f);
        }
        events.stateChanged(this);
    }

    public Filters filters() {
        return filters;
    }

    public void destroy() {
        order.current = null;
        order.queue.clear();
        order.handover.destroy();
    }

    public QueuedTrack current() {
        return order.current;
    }

    public List<QueuedTrack> queue() {
        return order.queue.list();
    }

    /** The current track's position in ms, or 0 without one. */
    public long position() {
        QueuedTrack c = order.current;
        if (c == null) {
            return 0;
        }
        long pending = order.positionUntilNextFrame;
        return pending >= 0 ? pending : c.track().getPosition();
    }

    public boolean paused() {
        return order.handover.active().isPaused();
    }

    public PlayerSnapshot snapshot() {
        List<PlayerSnapshot.Entry> q = new ArrayList<>();
        order.queue.list().forEach(t -> q.add(entry(t)));
        QueuedTrack c = order.current;
        AudioPlayer player = order.handover.active();
        return new PlayerSnapshot(channelId, c == null ? null : entry(c), position(),
                player.isPaused(), player.getVolume(), order.repeat, q, System.currentTimeMillis(), filters,
                order.crossfadeMs);
    }

    private static PlayerSnapshot.Entry entry(QueuedTrack t) {
        return new PlayerSnapshot.Entry(t.encoded(), t.startTime(), t.endTime());
    }

    /** Takes over a saved state: queue, settings and the current track at the position it would have reached now. */
    public void restore(PlayerSnapshot s, long now) {
        order.cancelPreload();
        order.handover.players().forEach(p -> p.setVolume(s.volume()));
        order.handover.players().forEach(p -> p.setPaused(s.paused()));
        filters(s.filters());
        if (s.crossfadeMs() >= 0) { // absent in a snapshot from a worker without crossfade: the default stays
            order.crossfadeMs = s.crossfadeMs();
        }
        order.repeat = s.repeat();
        order.queue.clear();
        for (PlayerSnapshot.Entry e : s.queue()) {
            order.queue.add(List.of(decode(e)));
        }
        if (s.current() != null) {
            long position = s.positionAt(now);
            QueuedTrack t = decode(s.current());
            long end = t.endTime() > 0 ? t.endTime() : t.track().getDuration();
            if (position < end || t.track().getInfo().isStream) {
                order.start(t, position);
            } else {
                order.advance(t, false);
            }
        } else if (order.current == null && order.queue.size() > 0 && !s.paused()) {
            order.start(order.queue.poll());
        }
        events.stateChanged(this);
    }

    private QueuedTrack decode(PlayerSnapshot.Entry e) {
        AudioTrack track = codec.decode(e.track());
        return new QueuedTrack(track, e.track(), e.startTime(), e.endTime());
    }

    @Override
    public boolean provide(MutableAudioFrame frame) {
        return order.provide(frame);
    }

    @Override
    public boolean expectsFrames() {
        AudioPlayer player = order.handover.active();
        return player.getPlayingTrack() != null && !player.isPaused();
    }
}
