package dev.hubcord.audio.player;

import com.sedmelluq.discord.lavaplayer.player.AudioPlayer;
import com.sedmelluq.discord.lavaplayer.player.event.AudioEventAdapter;
import com.sedmelluq.discord.lavaplayer.tools.FriendlyException;
import com.sedmelluq.discord.lavaplayer.track.AudioTrack;
import com.sedmelluq.discord.lavaplayer.track.AudioTrackEndReason;
import com.sedmelluq.discord.lavaplayer.track.TrackMarker;
import com.sedmelluq.discord.lavaplayer.track.TrackMarkerHandler.MarkerState;
import com.sedmelluq.discord.lavaplayer.track.playback.MutableAudioFrame;
import dev.hubcord.audio.filter.FilterFactory;
import dev.hubcord.audio.filter.Filters;
import dev.hubcord.audio.send.FrameSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * One guild's player: a lavaplayer {@link AudioPlayer}, the queue, repeat mode and the current track's times and
 * position.
 * Every method except {@link #provide} and {@link #expectsFrames} must run on {@link #executor()}; lavaplayer's
 * events are re-posted there, so a track's end (from the sender thread) and a skip (from the hub) never interleave.
 * A track end moves to the next track only when the ended track is still the current one.
 */
public final class GuildPlayer implements FrameSource {

    private final long guildId;
    private final AudioPlayer player;
    private final TrackCodec codec;
    private final PlayerEvents events;
    private final SerialExecutor executor;
    private final TrackQueue queue;
    private RepeatMode repeat = RepeatMode.OFF;
    private volatile QueuedTrack current; // read by lavaplayer's threads for event payloads
    private boolean endMarkerReached;
    private String channelId;
    private Filters filters = Filters.NONE;
    /** Set while a filter is active; {@code null} keeps lavaplayer's Opus passthrough. */
    private FilterFactory filterFactory;
    /**
     * The position a start or seek asked for, until the next frame is provided (then -1). lavaplayer reports the
     * timecode of the last frame provided, which says 0 (or the old position) until then, e.g. for as long as a
     * restored or seeked player stays paused; a snapshot taken meanwhile must still carry the right position.
     */
    private volatile long positionUntilNextFrame = -1;

    public GuildPlayer(long guildId, AudioPlayer player, TrackCodec codec, PlayerEvents events, Random random) {
        this.guildId = guildId;
        this.player = player;
        this.codec = codec;
        this.events = events;
        this.executor = new SerialExecutor("guild-" + guildId);
        this.queue = new TrackQueue(random);
        player.addListener(new AudioEventAdapter() {
            @Override
            public void onTrackStart(AudioPlayer p, AudioTrack track) {
                QueuedTrack known = current;
                executor.execute(() -> events.trackStart(GuildPlayer.this, PlayerEvents.orBare(known, track, codec)));
            }

            @Override
            public void onTrackEnd(AudioPlayer p, AudioTrack track, AudioTrackEndReason reason) {
                executor.execute(() -> ended(track, reason));
            }

            @Override
            public void onTrackException(AudioPlayer p, AudioTrack track, FriendlyException e) {
                QueuedTrack known = current;
                executor.execute(() -> events.trackException(GuildPlayer.this, PlayerEvents.orBare(known, track, codec), e));
            }

            @Override
            public void onTrackStuck(AudioPlayer p, AudioTrack track, long thresholdMs) {
                QueuedTrack known = current;
                executor.execute(() -> events.trackStuck(GuildPlayer.this, PlayerEvents.orBare(known, track, codec),
                        thresholdMs));
            }
        });
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
        start(track);
        events.stateChanged(this);
    }

    /** Appends (or inserts at {@code index}), and starts the first one when nothing is playing. */
    public void enqueue(List<QueuedTrack> tracks, int index) {
        if (index < 0) {
            queue.add(tracks);
        } else {
            queue.insert(index, tracks);
        }
        if (current == null) {
            start(queue.poll());
        }
        events.stateChanged(this);
    }

    /** Skips the current track and {@code count - 1} queued ones; the next one starts (or playback stops). */
    public void skip(int count) {
        queue.drop(count - 1);
        QueuedTrack next = queue.poll();
        if (next != null) {
            start(next);
        } else {
            stop();
        }
        events.stateChanged(this);
    }

    /** Stops the current track ({@code stopped}); the queue stays and nothing starts. */
    public void stop() {
        current = null;
        player.stopTrack();
        events.stateChanged(this);
    }

    public void clear() {
        queue.clear();
        events.stateChanged(this);
    }

    public void shuffle() {
        queue.shuffle();
        events.stateChanged(this);
    }

    /** @throws IndexOutOfBoundsException for a bad index */
    public QueuedTrack remove(int index) {
        QueuedTrack removed = queue.remove(index);
        events.stateChanged(this);
        return removed;
    }

    public void repeat(RepeatMode mode) {
        repeat = mode;
        events.stateChanged(this);
    }

    public void pause(boolean paused) {
        player.setPaused(paused);
        events.stateChanged(this);
    }

    /** @throws IllegalStateException when nothing seekable plays */
    public void seek(long position) {
        if (current == null || !current.track().isSeekable()) {
            throw new IllegalStateException("nothing seekable is playing");
        }
        current.track().setPosition(position);
        positionUntilNextFrame = position;
        events.stateChanged(this);
    }

    /** 0-1000, 100 = unchanged. */
    public void volume(int volume) {
        player.setVolume(volume);
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
            player.setFilterFactory(null);
        } else if (filterFactory == null) {
            filterFactory = new FilterFactory(f);
            player.setFilterFactory(filterFactory);
        } else {
            filterFactory.update(f);
        }
        events.stateChanged(this);
    }

    public Filters filters() {
        return filters;
    }

    public void destroy() {
        current = null;
        queue.clear();
        player.destroy();
    }

    public QueuedTrack current() {
        return current;
    }

    public List<QueuedTrack> queue() {
        return queue.list();
    }

    /** The current track's position in ms, or 0 without one. */
    public long position() {
        QueuedTrack c = current;
        if (c == null) {
            return 0;
        }
        long pending = positionUntilNextFrame;
        return pending >= 0 ? pending : c.track().getPosition();
    }

    public boolean paused() {
        return player.isPaused();
    }

    public PlayerSnapshot snapshot() {
        List<PlayerSnapshot.Entry> q = new ArrayList<>();
        queue.list().forEach(t -> q.add(entry(t)));
        QueuedTrack c = current;
        return new PlayerSnapshot(channelId, c == null ? null : entry(c), position(),
                player.isPaused(), player.getVolume(), repeat, q, System.currentTimeMillis(), filters);
    }

    private static PlayerSnapshot.Entry entry(QueuedTrack t) {
        return new PlayerSnapshot.Entry(t.encoded(), t.startTime(), t.endTime());
    }

    /** Takes over a saved state: queue, settings and the current track at the position it would have reached now. */
    public void restore(PlayerSnapshot s, long now) {
        player.setVolume(s.volume());
        player.setPaused(s.paused());
        filters(s.filters());
        repeat = s.repeat();
        queue.clear();
        for (PlayerSnapshot.Entry e : s.queue()) {
            queue.add(List.of(decode(e)));
        }
        if (s.current() != null) {
            long position = s.positionAt(now);
            QueuedTrack t = decode(s.current());
            long end = t.endTime() > 0 ? t.endTime() : t.track().getDuration();
            if (position < end || t.track().getInfo().isStream) {
                start(t, position);
            } else {
                advance(t, false);
            }
        } else if (current == null && queue.size() > 0 && !s.paused()) {
            start(queue.poll());
        }
        events.stateChanged(this);
    }

    private QueuedTrack decode(PlayerSnapshot.Entry e) {
        AudioTrack track = codec.decode(e.track());
        return new QueuedTrack(track, e.track(), e.startTime(), e.endTime());
    }

    private void start(QueuedTrack t) {
        start(t, t == null ? 0 : t.startTime());
    }

    private void start(QueuedTrack t, long position) {
        current = t;
        endMarkerReached = false;
        positionUntilNextFrame = t == null ? -1 : position;
        if (t == null) {
            player.stopTrack();
            return;
        }
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
        player.startTrack(track, false);
    }

    private void endMarker(AudioTrack track) {
        if (current != null && current.track() == track) {
            endMarkerReached = true;
            player.stopTrack(); // reported as finished by ended()
        }
    }

    private void ended(AudioTrack track, AudioTrackEndReason reason) {
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
        events.trackEnd(this, ended, wire);
        if (isCurrent) {
            current = null;
            if (finished || reason == AudioTrackEndReason.LOAD_FAILED) {
                advance(ended, reason == AudioTrackEndReason.LOAD_FAILED);
            }
            events.stateChanged(this);
        }
    }

    private void advance(QueuedTrack ended, boolean failed) {
        if (repeat == RepeatMode.TRACK && !failed) {
            start(ended.again());
            return;
        }
        if (repeat == RepeatMode.QUEUE && !failed) {
            queue.add(List.of(ended.again()));
        }
        QueuedTrack next = queue.poll();
        if (next != null) {
            start(next);
        }
    }

    @Override
    public boolean provide(MutableAudioFrame frame) {
        boolean provided = player.provide(frame);
        if (provided && positionUntilNextFrame >= 0) {
            positionUntilNextFrame = -1;
        }
        return provided;
    }

    @Override
    public boolean expectsFrames() {
        return player.getPlayingTrack() != null && !player.isPaused();
    }
}
