package dev.hubcord.hub.flow;

import dev.hubcord.hub.session.Session;

/**
 * Decides whether a session may be handed more {@code one} events now. Routing asks it for every candidate; the
 * ACK path asks it whether an acknowledgement gave a full session room again, so that events waiting for a receiver
 * are offered once per refill rather than on every ACK.
 */
public interface FlowPolicy {

    /** The window a new session gets: the hub's limit, or less when the client asked for less (0 = not asked). */
    int windowFor(int requested);

    /** Whether {@code session} may take another {@code one} event: under its window, with room in its outbound backlog. */
    boolean mayTakeOne(Session session);

    /** Whether the acknowledgement that just brought {@code session} to its current count should wake waiting events. */
    boolean regainedRoom(Session session);
}
