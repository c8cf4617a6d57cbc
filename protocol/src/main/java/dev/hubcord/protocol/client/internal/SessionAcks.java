package dev.hubcord.protocol.client.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The events of one hub session that were received and not yet acknowledged. One instance per
 * session, so that an ACK made late for an event of a lost session can never clear the entry of a
 * new session's event that happens to have the same sequence number.
 */
final class SessionAcks {

    private final String session;
    private final Outbox outbox;
    private final Set<Long> inFlight = ConcurrentHashMap.newKeySet();

    SessionAcks(String session, Outbox outbox) {
        this.session = session;
        this.outbox = outbox;
    }

    String session() {
        return session;
    }

    void received(long seq) {
        inFlight.add(seq);
    }

    boolean isInFlight(long seq) {
        return inFlight.contains(seq);
    }

    /** Acknowledges {@code seq}: forgets it and sends (or keeps, while disconnected) op 7. */
    void ack(long seq) {
        inFlight.remove(seq);
        outbox.ack(session, seq);
    }

    int size() {
        return inFlight.size();
    }
}
