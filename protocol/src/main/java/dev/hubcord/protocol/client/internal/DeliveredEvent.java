package dev.hubcord.protocol.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.hubcord.protocol.EventType;
import dev.hubcord.protocol.client.IncomingEvent;
import java.util.concurrent.atomic.AtomicBoolean;

/** An event as given to listeners; {@link #ack()} goes to its session's {@link SessionAcks}, once. */
final class DeliveredEvent implements IncomingEvent {

    private final String name;
    private final long seq;
    private final JsonNode data;
    private final SessionAcks acks;
    private final AtomicBoolean acked = new AtomicBoolean();
    private volatile boolean deferred;

    /** @param acks the session's tracker, or {@code null} when the event needs no acknowledgement */
    DeliveredEvent(String name, long seq, JsonNode data, SessionAcks acks) {
        this.name = name;
        this.seq = seq;
        this.data = data;
        this.acks = acks;
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public long seq() {
        return seq;
    }

    @Override
    public JsonNode data() {
        return data;
    }

    @Override
    public boolean redelivered() {
        return data.path("redelivered").asBoolean(false);
    }

    @Override
    public String nonce() {
        EventType type = EventType.byName(name);
        if (type == null || !(type.mayBeRequest() || type == EventType.REPLY)) {
            return null; // a nonce in any other event is the application's, not a request's
        }
        JsonNode nonce = data.get("nonce");
        return nonce == null || nonce.isNull() || nonce.isContainerNode() ? null : nonce.asText();
    }

    @Override
    public void ack() {
        if (acked.compareAndSet(false, true) && acks != null) {
            acks.ack(seq);
        }
    }

    @Override
    public void deferAck() {
        deferred = true;
    }

    /** Whether a listener took over acknowledging: the dispatcher then leaves it to that listener. */
    boolean ackDeferred() {
        return deferred;
    }

    @Override
    public boolean acked() {
        return acked.get();
    }

    @Override
    public String toString() {
        return "IncomingEvent[" + name + " s=" + seq + "]";
    }
}
