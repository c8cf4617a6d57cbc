package dev.hubcord.hub.lease;

import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The single-process lease table: a map under one lock (leases are taken a few times per deployment, so contention
 * is not a concern). Bounded by {@link Leases#MAX_NAMES}: when full, expired leases are swept and a new name is
 * refused if there is still no room.
 */
public final class LocalLeases implements Leases {

    private record Held(String session, long expiresAt) {}

    private final Map<String, Held> held = new HashMap<>();
    private final LongSupplier clock;
    private final int maxNames;

    public LocalLeases(LongSupplier clock) {
        this(clock, MAX_NAMES);
    }

    LocalLeases(LongSupplier clock, int maxNames) {
        this.clock = clock;
        this.maxNames = maxNames;
    }

    @Override
    public synchronized Grant acquire(String name, String session, long ttlMs) {
        long now = clock.getAsLong();
        Held current = held.get(name);
        if (current != null && current.expiresAt() > now && !current.session().equals(session)) {
            return new Grant(false, current.session(), current.expiresAt() - now);
        }
        if (current == null && held.size() >= maxNames) {
            sweep(now);
            if (held.size() >= maxNames) {
                return new Grant(false, null, 0);
            }
        }
        held.put(name, new Held(session, now + ttlMs));
        return new Grant(true, session, ttlMs);
    }

    @Override
    public synchronized boolean release(String name, String session) {
        Held current = held.get(name);
        if (current == null || !current.session().equals(session)) {
            return false;
        }
        held.remove(name);
        return true;
    }

    @Override
    public synchronized int releaseAll(String session) {
        int released = 0;
        for (Iterator<Held> it = held.values().iterator(); it.hasNext(); ) {
            if (it.next().session().equals(session)) {
                it.remove();
                released++;
            }
        }
        return released;
    }

    @Override
    public synchronized int size() {
        return held.size();
    }

    private void sweep(long now) {
        held.values().removeIf(h -> h.expiresAt() <= now);
    }
}
