package dev.hubcord.audio.send;

/**
 * Frame statistics over a period.
 *
 * @param expected frames that should have gone out (one per 20 ms per playing, connected player)
 * @param sent audio frames sent
 * @param nulled frames a playing player had not ready (its decoder fell behind)
 * @param deficit frames the sender never got to (it fell behind real time): {@code expected - sent - nulled}
 */
public record FrameCounts(long expected, long sent, long nulled, long deficit) {

    public static final FrameCounts ZERO = new FrameCounts(0, 0, 0, 0);

    /** Frames missing for any reason, as a fraction of those expected. */
    public double lossRatio() {
        return expected == 0 ? 0 : (double) (nulled + deficit) / expected;
    }

    public FrameCounts minus(FrameCounts earlier) {
        return new FrameCounts(expected - earlier.expected, sent - earlier.sent, nulled - earlier.nulled,
                deficit - earlier.deficit);
    }
}
