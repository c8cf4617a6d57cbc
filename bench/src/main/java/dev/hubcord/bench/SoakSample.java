package dev.hubcord.bench;

/**
 * One soak sample, taken every 10 s: the hub process's heap after its last GC in the interval, resident memory,
 * threads, open file descriptors, GC pauses in the interval (count and longest), acknowledgements pending on the
 * hub, and the routing the load clients saw in the interval (events/s acknowledged, p99 latency).
 */
record SoakSample(long seconds, double heapAfterGcMb, double rssMb, int threads, int fds, int gcPauses,
        double gcMaxPauseMs, double acksPending, double eventsPerSecond, double p99Ms) {

    static final String CSV_HEADER =
            "seconds,heap_after_gc_mb,rss_mb,threads,fds,gc_pauses,gc_max_pause_ms,acks_pending,events_per_s,p99_ms";

    String csv() {
        return String.format(java.util.Locale.ROOT, "%d,%.1f,%.1f,%d,%d,%d,%.2f,%.0f,%.0f,%.3f", seconds, heapAfterGcMb,
                rssMb, threads, fds, gcPauses, gcMaxPauseMs, acksPending, eventsPerSecond, p99Ms);
    }
}
