package dev.hubcord.service.boot;

import java.util.concurrent.CompletableFuture;

/** A started service as the bootstrap sees it. */
public interface RunningService extends AutoCloseable {

    /** Readiness for {@code /ready}: e.g. identified to the hub, shards READY. */
    boolean ready();

    /** The JSON body of {@code /health} (always 200 while the process serves): say more than "ok" if useful. */
    default String health() {
        return "{\"status\":\"ok\"}";
    }

    /**
     * Completes with an exit code when the service stops on its own (the hub refused it, say); never completes for a
     * service that runs until it is told to stop.
     */
    default CompletableFuture<Integer> exited() {
        return new CompletableFuture<>();
    }

    /** Stops the service; may be called twice (after {@link #exited()} and again from the shutdown hook). */
    @Override
    void close();
}
