package dev.hubcord.hub.server;

import dev.hubcord.hub.core.HubCore;
import dev.hubcord.hub.session.Connection;
import dev.hubcord.hub.session.Session;
import dev.hubcord.protocol.ServiceType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backpressure of one identified connection, on its event loop: tells routing when its backlog has room again,
 * stops reading a sharder that does not read what the hub sends it, and stops reading a client whose events wait for
 * a receiver while the waiting queues are nearly full, until they drain. Producers are slowed rather than buffered:
 * what they would send waits in their own socket buffers, then in their own bounded outbox.
 */
final class Backpressure {

    private static final Logger log = LoggerFactory.getLogger(Backpressure.class);

    private final HubCore core;
    private final Session session;
    private final Connection connection;
    private final ReadGate gate;
    private final Runnable resume;

    Backpressure(HubCore core, Session session, Connection connection, ReadGate gate) {
        this.core = core;
        this.session = session;
        this.connection = connection;
        this.gate = gate;
        this.resume = () -> connection.channel().eventLoop().execute(() -> gate.release(ReadGate.Reason.SATURATED));
        // the backlog drained after refusing events: offer the session the events waiting for its type
        connection.onRoom(() -> {
            if (core.router().hasWaiting(session.type())) {
                core.router().retryPending(session.type());
            }
        });
    }

    /** After a read batch: pause if this client's events had to wait and the waiting queues are nearly full. */
    void afterRead() {
        if (session.takeParked() && !gate.isHeld(ReadGate.Reason.SATURATED) && core.router().pauseIfSaturated(resume)) {
            gate.hold(ReadGate.Reason.SATURATED);
            core.metrics().producerPaused();
            log.info("not reading from {} {}: its events wait for receivers and the waiting queues are nearly full",
                    session, connection.remoteAddress());
        }
    }

    /**
     * A sharder that does not read what the hub sends (its socket is not writable) is not read from either, until it
     * does. Only sharders: a worker's reads carry the ACKs that free its own window.
     */
    void writabilityChanged(boolean writable) {
        if (session.type() != ServiceType.SHARDER || connection.isClosing()) {
            return;
        }
        if (!writable) {
            if (gate.hold(ReadGate.Reason.UNWRITABLE)) {
                core.metrics().producerPaused();
            }
        } else {
            gate.release(ReadGate.Reason.UNWRITABLE);
        }
    }

    /** The connection closed: it no longer waits to be resumed. */
    void closed() {
        if (gate.isHeld(ReadGate.Reason.SATURATED)) {
            core.router().forgetPaused(resume);
        }
    }
}
