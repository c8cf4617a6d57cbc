package dev.hubcord.protocol;

/** How the hub delivers an event (contract section 6). */
public enum DeliveryMode {
    /** To one named session: the hub's own events and replies. */
    DIRECT,
    /** To exactly one connected client of the receiver type, the least loaded; acknowledged with op 7. */
    ONE,
    /** To the client of the receiver type that owns the event's guild; acknowledged with op 7. */
    GUILD,
    /** Consumed by the hub itself. */
    HUB,
    /** One copy to each subscribed receiver type, to one client of that type ({@code DISPATCH}). */
    SUBSCRIBERS
}
