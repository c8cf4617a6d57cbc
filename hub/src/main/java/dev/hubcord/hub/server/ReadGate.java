package dev.hubcord.hub.server;

import io.netty.channel.Channel;
import java.util.EnumSet;
import java.util.Set;

/**
 * Whether the hub reads from a connection: it stops while any reason holds and reads again once none does, so that
 * the rate limit's pause and the backpressure pauses cannot undo one another. Event-loop confined.
 */
final class ReadGate {

    /** Why reading is stopped. */
    enum Reason {
        /** The client is over its rate: it is slowed until its bucket is solvent. */
        RATE,
        /** A sharder does not read what the hub sends it: the hub stops reading its events until it does. */
        UNWRITABLE,
        /** The client's events wait for a receiver and the waiting queues are nearly full. */
        SATURATED
    }

    private final Channel channel;
    private final Set<Reason> held = EnumSet.noneOf(Reason.class);

    ReadGate(Channel channel) {
        this.channel = channel;
    }

    /** Stops reading for {@code reason}; returns whether it was not already held for it. */
    boolean hold(Reason reason) {
        boolean added = held.add(reason);
        channel.config().setAutoRead(false);
        return added;
    }

    void release(Reason reason) {
        if (held.remove(reason) && held.isEmpty() && channel.isActive()) {
            channel.config().setAutoRead(true);
        }
    }

    boolean isHeld(Reason reason) {
        return held.contains(reason);
    }

    /** Whether the hub holds reading for a reason of its own, so a missing heartbeat is not the client's fault. */
    boolean heldByHub() {
        return held.contains(Reason.UNWRITABLE) || held.contains(Reason.SATURATED);
    }
}
