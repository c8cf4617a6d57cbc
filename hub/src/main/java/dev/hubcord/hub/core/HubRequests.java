package dev.hubcord.hub.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.hub.lease.LeaseRequests;
import dev.hubcord.hub.lease.LocalLeases;
import dev.hubcord.hub.metrics.HubMetrics;
import dev.hubcord.hub.ratelimit.RateLimitCoordinator;
import dev.hubcord.hub.ratelimit.RateLimitRequests;
import dev.hubcord.hub.routing.Router;
import dev.hubcord.hub.session.Session;
import dev.hubcord.protocol.CloseCode;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.codec.Envelope;
import java.io.IOException;

/**
 * The coordination services the hub itself answers for the whole deployment: named leases ({@code LEASE},
 * {@code LEASE_RELEASE}) and Discord REST rate limits ({@code RATELIMIT_ACQUIRE}, {@code RATELIMIT_UPDATE}). Each
 * keeps per-session state that ends with the session.
 */
final class HubRequests {

    private final Router router;
    private final LeaseRequests leases = new LeaseRequests(new LocalLeases(System::currentTimeMillis));
    private final RateLimitRequests rateLimits;

    HubRequests(Router router, HubMetrics metrics) {
        this.router = router;
        this.rateLimits = new RateLimitRequests(new RateLimitCoordinator(RateLimitCoordinator.Settings.defaults(),
                System::nanoTime), metrics);
        metrics.gauge("hub_leases", "named leases held (LEASE)", leases.table(), t -> t.size());
    }

    /** Handles the event if it is one of these services'; {@code false} for any other event. */
    boolean handle(Session from, EventType type, Envelope envelope) {
        switch (type) {
            case LEASE -> router.sendDirect(from, EventType.REPLY, leases.acquire(from.id(), readTree(envelope)));
            case LEASE_RELEASE -> leases.release(from.id(), readTree(envelope));
            case RATELIMIT_ACQUIRE -> router.sendDirect(from, EventType.REPLY,
                    rateLimits.acquire(from.id(), readTree(envelope)));
            case RATELIMIT_UPDATE -> rateLimits.update(readTree(envelope));
            default -> {
                return false;
            }
        }
        return true;
    }

    void sessionEnded(Session session) {
        leases.sessionEnded(session.id());
        rateLimits.sessionEnded(session.id());
    }

    /** The event's {@code d} as a tree; unreadable JSON closes the connection with 4005. */
    static JsonNode readTree(Envelope envelope) {
        try {
            return dev.hubcord.protocol.codec.Json.mapper().readTree(envelope.bytes(), envelope.dStart(), envelope.dLength());
        } catch (IOException e) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "unreadable d");
        }
    }
}
