package dev.hubcord.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Sends EXECUTE_COMMAND events from a cluster's sharders at a fixed total rate, or as fast as an in-flight window
 * allows ({@code rate} 0), each sharder on its own event loop every millisecond, until closed. The routing benchmark,
 * the soak and the event-loop test all drive load with it.
 */
final class FixedRate implements AutoCloseable {

    private final List<ScheduledFuture<?>> tickers = new ArrayList<>();

    FixedRate(LoadCluster cluster, int rate, int window) {
        long start = System.nanoTime();
        int sharders = cluster.sharders.size();
        LoadStats stats = cluster.stats;
        for (LoadCluster.Client s : cluster.sharders) {
            long[] sentByMe = {0};
            tickers.add(s.channel().eventLoop().scheduleAtFixedRate(() -> {
                int n;
                if (rate > 0) {
                    long due = (long) ((System.nanoTime() - start) / 1e9 * rate / sharders);
                    n = (int) Math.min(2000, due - sentByMe[0]);
                } else {
                    n = (int) Math.min(1000, (window - stats.inFlight()) / sharders);
                }
                if (n > 0) {
                    s.handler().sendCommands(s.channel(), n);
                    sentByMe[0] += n;
                }
            }, 0, 1, TimeUnit.MILLISECONDS));
        }
    }

    @Override
    public void close() {
        tickers.forEach(t -> t.cancel(false));
    }
}
