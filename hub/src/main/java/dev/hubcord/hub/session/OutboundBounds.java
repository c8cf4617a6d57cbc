package dev.hubcord.hub.session;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/**
 * The per-connection bound on payloads queued while the socket is not writable, and the hub-wide totals behind the
 * {@code hub_outbound_backlog_*} gauges and the slow-consumer counter. One instance is shared by every connection.
 *
 * @param maxPayloads queued payloads a connection may hold ({@code HUB_OUTBOUND_BACKLOG})
 * @param maxBytes queued bytes a connection may hold ({@code HUB_OUTBOUND_BACKLOG_BYTES})
 */
public record OutboundBounds(int maxPayloads, long maxBytes, AtomicLong queuedPayloads, AtomicLong queuedBytes,
        LongAdder slowConsumersClosed, LongAdder heldBack) {

    public OutboundBounds(int maxPayloads, long maxBytes) {
        this(maxPayloads, maxBytes, new AtomicLong(), new AtomicLong(), new LongAdder(), new LongAdder());
    }
}
