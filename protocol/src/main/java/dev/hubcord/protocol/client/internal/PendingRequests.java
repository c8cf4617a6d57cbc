package dev.hubcord.protocol.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.client.HubClientException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Requests waiting for their REPLY, by nonce. Futures are completed on a fresh virtual thread so that
 * whatever the application chained onto them never runs on the event loop, nor on the event dispatcher
 * (a listener blocked on a request would otherwise wait for itself).
 */
final class PendingRequests {

    private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer;

    PendingRequests(ScheduledExecutorService timer) {
        this.timer = timer;
    }

    CompletableFuture<JsonNode> register(String nonce, Duration timeout) {
        CompletableFuture<JsonNode> future = new CompletableFuture<>();
        pending.put(nonce, future);
        try {
            timer.schedule(() -> {
                if (pending.remove(nonce, future)) {
                    completeAsync(future, null,
                            new TimeoutException("no REPLY for nonce " + nonce + " within " + timeout));
                }
            }, Math.max(1, timeout.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            fail(nonce, new HubClientException(HubClientException.Kind.CLOSED, "client closed"));
        }
        return future;
    }

    /** Completes the request with this nonce; {@code false} when none is waiting (late or foreign reply). */
    boolean complete(String nonce, JsonNode data) {
        CompletableFuture<JsonNode> future = nonce == null ? null : pending.remove(nonce);
        if (future == null) {
            return false;
        }
        completeAsync(future, data, null);
        return true;
    }

    void fail(String nonce, Throwable error) {
        CompletableFuture<JsonNode> future = pending.remove(nonce);
        if (future != null) {
            completeAsync(future, null, error);
        }
    }

    void failAll(Throwable error) {
        for (String nonce : pending.keySet()) {
            fail(nonce, error);
        }
    }

    int size() {
        return pending.size();
    }

    static <T> void completeAsync(CompletableFuture<T> future, T value, Throwable error) {
        Thread.ofVirtual().name("hub-client-reply").start(() -> {
            if (error == null) {
                future.complete(value);
            } else {
                future.completeExceptionally(error);
            }
        });
    }
}
