package dev.hubcord.bench;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/** Counters and the latency recorder shared by all load connections. */
final class LoadStats {

    final LongAdder sent = new LongAdder();
    final LongAdder received = new LongAdder();
    final LongAdder acked = new LongAdder();
    final LongAdder redelivered = new LongAdder();
    private final Recorder latencyMicros = new Recorder(3);

    void recordLatency(long nanos) {
        latencyMicros.recordValue(Math.max(0, nanos / 1000));
    }

    /** Takes the latencies recorded since the last call. */
    Histogram takeLatencies() {
        return latencyMicros.getIntervalHistogram();
    }

    /** Events sent but not yet acknowledged: the in-flight window. */
    long inFlight() {
        return sent.sum() - acked.sum();
    }
}
