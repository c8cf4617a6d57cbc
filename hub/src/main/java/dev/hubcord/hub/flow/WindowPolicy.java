package dev.hubcord.hub.flow;

import dev.hubcord.hub.session.Session;

/**
 * The single-process window: a session takes {@code one} events while it has fewer than its window unacknowledged
 * and its connection's outbound backlog has room. A session that was passed over for a full window is offered
 * waiting events again once its count is down to half the window: a refill of half a window per wake-up instead of
 * one event per ACK, each wake-up costing a pass over the waiting queue. The mark is a flag rather than an exact
 * count crossing, so that concurrent deliveries cannot make an ACK miss it.
 */
public final class WindowPolicy implements FlowPolicy {

    private final int maxUnacked;

    public WindowPolicy(int maxUnacked) {
        if (maxUnacked < 1) {
            throw new IllegalArgumentException("maxUnacked must be positive");
        }
        this.maxUnacked = maxUnacked;
    }

    @Override
    public int windowFor(int requested) {
        return requested > 0 ? Math.min(requested, maxUnacked) : maxUnacked;
    }

    @Override
    public boolean mayTakeOne(Session session) {
        if (session.unackedCount() >= session.maxUnacked()) {
            session.windowFull(true);
            return false;
        }
        return session.outboundHasRoom();
    }

    @Override
    public boolean regainedRoom(Session session) {
        if (session.windowFull() && session.unackedCount() <= session.maxUnacked() / 2) {
            session.windowFull(false);
            return true;
        }
        return false;
    }
}
