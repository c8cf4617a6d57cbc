package dev.hubcord.audio.player;

/**
 * How the current track will hand over to the next one: which track follows, and where the fade starts.
 *
 * @param source what the next track is made from (the queue's head, or the current track again)
 * @param again whether it repeats the current track rather than taking the queue's head
 * @param fadeFrom the current track's timecode (ms) where the fade starts, its end for a gapless cut
 * @param fadeMs the fade's length, 0 for a gapless cut
 */
record Transition(QueuedTrack source, boolean again, long fadeFrom, long fadeMs) {

    /** Shorter fades are not worth decoding for: the cut is gapless anyway. */
    static final long MIN_FADE_MS = 40;

    /**
     * The transition from {@code current}, or {@code null} when there is none to prepare: nothing follows, or the
     * current track's end is unknown (a stream).
     *
     * @param head the queue's first track, or {@code null}
     * @param crossfadeMs the guild's setting; the fade is cut to half of the shorter track, so a fade never spans a
     *     whole track
     */
    static Transition of(QueuedTrack current, QueuedTrack head, RepeatMode repeat, int crossfadeMs) {
        long end = end(current);
        if (end < 0) {
            return null;
        }
        QueuedTrack source;
        boolean again;
        if (repeat == RepeatMode.TRACK) {
            source = current;
            again = true;
        } else if (head != null) {
            source = head;
            again = false;
        } else if (repeat == RepeatMode.QUEUE) {
            source = current; // the finished track goes back to the empty queue and comes straight out again
            again = true;
        } else {
            return null;
        }
        long fade = 0;
        if (crossfadeMs > 0) {
            long nextEnd = end(source);
            long shorter = Math.min(end - current.startTime(), nextEnd < 0 ? Long.MAX_VALUE : nextEnd - source.startTime());
            fade = Math.min(crossfadeMs, shorter / 2);
            fade = fade < MIN_FADE_MS ? 0 : fade;
        }
        return new Transition(source, again, end - fade, fade);
    }

    /** Where the track stops (its end time, else its length) in ms, or -1 when unknown. */
    static long end(QueuedTrack t) {
        if (t.endTime() > 0) {
            return t.endTime();
        }
        long length = t.track().getDuration();
        return t.track().getInfo().isStream || length <= 0 || length == Long.MAX_VALUE ? -1 : length;
    }
}
