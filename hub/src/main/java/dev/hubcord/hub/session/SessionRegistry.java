package dev.hubcord.hub.session;

import dev.hubcord.protocol.ServiceType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The live sessions, by ID and by type. Sessions change rarely and are read on every routed event,
 * so the per-type lists are copy-on-write.
 */
public final class SessionRegistry {

    private final Map<String, Session> byId = new ConcurrentHashMap<>();
    private final Map<ServiceType, List<Session>> byType = new EnumMap<>(ServiceType.class);
    private final AtomicLong joinCounter = new AtomicLong();

    public SessionRegistry() {
        for (ServiceType type : ServiceType.values()) {
            byType.put(type, new CopyOnWriteArrayList<>());
        }
    }

    /** The next join number: sessions are ordered by when they identified. */
    public long nextJoinOrder() {
        return joinCounter.incrementAndGet();
    }

    public void add(Session session) {
        byId.put(session.id(), session);
        byType.get(session.type()).add(session);
    }

    public void remove(Session session) {
        byId.remove(session.id(), session);
        byType.get(session.type()).remove(session);
    }

    /** The session with this ID, or {@code null}. */
    public Session get(String id) {
        return byId.get(id);
    }

    /** The live sessions of a type, in join order. */
    public List<Session> ofType(ServiceType type) {
        return byType.get(type);
    }

    public Collection<Session> all() {
        return byId.values();
    }
}
