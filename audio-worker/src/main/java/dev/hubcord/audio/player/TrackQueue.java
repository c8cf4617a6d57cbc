package dev.hubcord.audio.player;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/** A guild's queue. Confined to the guild's executor. */
public final class TrackQueue {

    private final List<QueuedTrack> tracks = new ArrayList<>();
    private final Random random;

    public TrackQueue(Random random) {
        this.random = random;
    }

    public void add(List<QueuedTrack> more) {
        tracks.addAll(more);
    }

    /** Inserts at {@code index} (0 = next). @throws IndexOutOfBoundsException outside {@code 0..size} */
    public void insert(int index, List<QueuedTrack> more) {
        tracks.addAll(index, more);
    }

    /** The next track, removed, or {@code null}. */
    public QueuedTrack poll() {
        return tracks.isEmpty() ? null : tracks.removeFirst();
    }

    /** The next track, left in place, or {@code null}. */
    public QueuedTrack peek() {
        return tracks.isEmpty() ? null : tracks.getFirst();
    }

    /** Drops the first {@code n} tracks. */
    public void drop(int n) {
        tracks.subList(0, Math.min(n, tracks.size())).clear();
    }

    /** @throws IndexOutOfBoundsException for a bad index */
    public QueuedTrack remove(int index) {
        return tracks.remove(index);
    }

    public void clear() {
        tracks.clear();
    }

    public void shuffle() {
        Collections.shuffle(tracks, random);
    }

    public int size() {
        return tracks.size();
    }

    public List<QueuedTrack> list() {
        return List.copyOf(tracks);
    }
}
