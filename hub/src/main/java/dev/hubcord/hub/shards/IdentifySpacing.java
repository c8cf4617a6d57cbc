package dev.hubcord.hub.shards;

/**
 * Where the last IDENTIFY grant of each bucket is kept: in this process ({@link LocalIdentifySpacing}), or shared by
 * every node of a clustered hub ({@code hub.cluster.KvIdentifySpacing}). The {@link IdentifyGate} keeps the queue of
 * requests and asks here whether the next may go.
 */
public interface IdentifySpacing {

    /**
     * Takes the bucket's next IDENTIFY slot if at least {@code intervalNanos} have passed since its previous grant
     * (by this or any other hub node). May block briefly (a clustered implementation asks its store), so it is called
     * from the gate's timer thread, never from an event loop.
     *
     * @return 0 when the slot was taken; otherwise how many nanoseconds to wait before asking again (&gt; 0)
     */
    long tryTake(int bucket, long intervalNanos);
}
