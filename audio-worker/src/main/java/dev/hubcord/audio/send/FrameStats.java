package dev.hubcord.audio.send;

/**
 * Running totals written by the sender thread only, read by anyone; plus the last complete minute, as Lavalink's
 * {@code frameStats} reports it.
 */
public final class FrameStats {

    private static final long MINUTE_NANOS = 60_000_000_000L;

    private volatile long expected;
    private volatile long sent;
    private volatile long nulled;
    private volatile long missed;
    private volatile FrameCounts lastMinute;
    private FrameCounts minuteStartTotals = FrameCounts.ZERO;
    private long minuteStart = System.nanoTime();

    // Single writer (the sender thread), so plain read-increment-write of the volatiles is safe.
    void expect(long n) {
        expected += n;
    }

    void sent() {
        sent++;
    }

    void nulled() {
        nulled++;
    }

    void missed(long n) {
        expected += n;
        missed += n;
    }

    void roll(long now) {
        if (now - minuteStart >= MINUTE_NANOS) {
            FrameCounts totals = totals();
            lastMinute = totals.minus(minuteStartTotals);
            minuteStartTotals = totals;
            minuteStart = now;
        }
    }

    /** Everything since the sender started. */
    public FrameCounts totals() {
        long e = expected;
        long s = sent;
        long n = nulled;
        return new FrameCounts(e, s, n, Math.max(0, e - s - n));
    }

    /** The last complete minute, or {@code null} before the first minute is over. */
    public FrameCounts lastMinute() {
        return lastMinute;
    }
}
