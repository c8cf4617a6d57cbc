package dev.hubcord.hub.server;

import dev.hubcord.hub.core.CloseException;
import dev.hubcord.hub.metrics.HubMetrics;
import dev.hubcord.hub.session.Connection;
import dev.hubcord.hub.session.PublishLedger;
import dev.hubcord.hub.session.Session;
import dev.hubcord.protocol.CloseCode;
import dev.hubcord.protocol.Opcode;
import dev.hubcord.protocol.codec.Envelope;
import dev.hubcord.protocol.codec.EnvelopeWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The connection side of publisher acknowledgements (protocol section "Publisher acknowledgements"):
 * which op 2/op 5 payloads to take, and the op 8 that confirms them after each read batch.
 */
final class PublishAcks {

    private static final Logger log = LoggerFactory.getLogger(PublishAcks.class);

    private PublishAcks() {}

    /**
     * An op 2 or op 5 of a session that asked for acknowledgements must carry its {@code ps}; one
     * already taken is a duplicate, dropped and counted. A payload is taken before it is checked, so
     * one the hub refuses (closing the connection) counts as taken and is not sent again after the
     * resume, which would only get the connection closed again.
     *
     * @return whether to handle the payload
     * @throws CloseException 4005 when {@code ps} is missing or not a positive integer
     */
    static boolean take(Session session, Envelope envelope, HubMetrics metrics) {
        PublishLedger ledger = session.publisher();
        if (!ledger.enabled()) {
            return true;
        }
        long ps = envelope.publishSeq();
        if (ps <= 0) {
            throw new CloseException(CloseCode.INVALID_PAYLOAD, "ps must be a positive integer on op "
                    + envelope.op() + ": this session asked for publisher acknowledgements");
        }
        if (ledger.take(ps)) {
            return true;
        }
        metrics.publishDuplicate();
        log.debug("{}: dropped duplicate ps={} (taken up to {})", session, ps, ledger.taken());
        return false;
    }

    /**
     * After a read batch, one op 8 confirms what the batch took (routed, handled or stored), rather
     * than one per payload. A connection the session has already left (replaced by a RESUME) confirms
     * nothing: the new one does.
     */
    static void confirm(Session session, Connection connection, HubMetrics metrics) {
        PublishLedger ledger = session.publisher();
        if (!ledger.enabled() || session.connection() != connection) {
            return;
        }
        long ps = ledger.confirmDue();
        if (ps > 0) {
            connection.send(EnvelopeWriter.control(Opcode.PUBLISH_ACK.code(), "{\"s\":" + ps + "}"));
            metrics.publishAckSent();
        }
    }
}
