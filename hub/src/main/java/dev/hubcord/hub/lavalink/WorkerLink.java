package dev.hubcord.hub.lavalink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hubcord.hub.routing.Router;
import dev.hubcord.hub.session.RoutedEvent;
import dev.hubcord.hub.session.Session;
import dev.hubcord.hub.session.SessionRegistry;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.ServiceType;
import dev.hubcord.protocol.codec.Envelope;
import dev.hubcord.protocol.codec.EnvelopeWriter;
import dev.hubcord.protocol.codec.Json;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The hub as a commands client of its own audio workers: sends player requests and LOAD_TRACKS through the router
 * (guild delivery, so a guild's requests reach its worker in order and are redelivered if it dies) and matches
 * their REPLYs by nonce. At most {@link #MAX_IN_FLIGHT} requests wait for a REPLY; past it a request fails at once
 * (the REST caller gets 503), and each waits at most {@link #TIMEOUT_MS}.
 */
final class WorkerLink {

    static final String NONCE_PREFIX = "lavalink-";
    static final int MAX_IN_FLIGHT = 10_000;
    static final long TIMEOUT_MS = 15_000;

    /** A worker's REPLY with {@code ok: false}: the message is the worker's {@code error}. */
    static final class WorkerError extends RuntimeException {
        WorkerError(String message) {
            super(message, null, false, false);
        }
    }

    private final Router router;
    private final SessionRegistry sessions;
    private final ScheduledExecutorService timers;
    private final Map<String, CompletableFuture<JsonNode>> waiting = new ConcurrentHashMap<>();
    private final AtomicLong next = new AtomicLong();

    WorkerLink(Router router, SessionRegistry sessions, ScheduledExecutorService timers) {
        this.router = router;
        this.sessions = sessions;
        this.timers = timers;
    }

    /** Whether any audio worker is connected to take a request now. */
    boolean anyWorker() {
        for (Session s : sessions.ofType(ServiceType.AUDIO)) {
            if (s.isConnected()) {
                return true;
            }
        }
        return false;
    }

    /** Sends {@code d} (guild delivery when {@code guildId} is set) and completes with the REPLY's data. */
    CompletableFuture<JsonNode> request(EventType type, String guildId, ObjectNode d) {
        if (waiting.size() >= MAX_IN_FLIGHT) {
            return CompletableFuture.failedFuture(new IllegalStateException(
                    "too many requests to the audio workers in flight (" + MAX_IN_FLIGHT + ")"));
        }
        String nonce = NONCE_PREFIX + next.incrementAndGet();
        d.put("nonce", nonce);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        waiting.put(nonce, reply);
        var timer = timers.schedule(() -> reply.completeExceptionally(new TimeoutException(
                type + " got no answer from an audio worker within " + TIMEOUT_MS + " ms")), TIMEOUT_MS, TimeUnit.MILLISECONDS);
        reply.whenComplete((r, e) -> {
            waiting.remove(nonce);
            timer.cancel(false);
        });
        send(type, guildId, d);
        return reply;
    }

    /** Sends without waiting for anything (voice events). */
    void send(EventType type, String guildId, ObjectNode d) {
        if (guildId != null) {
            d.put(type == EventType.VOICE_STATE_UPDATE || type == EventType.VOICE_SERVER_UPDATE ? "guild_id" : "guildID",
                    guildId);
        }
        byte[] bytes = EnvelopeWriter.data(d);
        String nonce = d.path("nonce").asText(null);
        router.deliver(new RoutedEvent(type, bytes, 0, bytes.length, guildId, Envelope.ABSENT, nonce, null, false));
    }

    /** A REPLY from an audio worker: {@code true} if it answers one of ours (then it is consumed). */
    boolean reply(Envelope envelope) {
        String nonce = envelope.nonce();
        if (nonce == null || !nonce.startsWith(NONCE_PREFIX)) {
            return false;
        }
        CompletableFuture<JsonNode> reply = waiting.get(nonce);
        if (reply != null) {
            try {
                JsonNode d = Json.mapper().readTree(envelope.bytes(), envelope.dStart(), envelope.dLength());
                if (d.path("ok").isBoolean() && !d.get("ok").booleanValue()) {
                    reply.completeExceptionally(new WorkerError(d.path("error").asText("the audio worker refused")));
                } else {
                    reply.complete(d);
                }
            } catch (IOException e) {
                reply.completeExceptionally(e);
            }
        }
        return true;
    }
}
