package dev.hubcord.protocol.client.internal;

import dev.hubcord.protocol.Payload;
import dev.hubcord.protocol.client.HubClientException;

/**
 * What a {@link ConnectionHandler} needs from the session that outlives it. Every call is made on the
 * event loop.
 */
interface SessionCallbacks {

    /** HELLO arrived: returns the IDENTIFY or RESUME payload to send. */
    byte[] onHello(ConnectionHandler connection);

    /** An op 2 event arrived. May throw {@link dev.hubcord.protocol.codec.ProtocolException} for an unusable one. */
    void onEvent(ConnectionHandler connection, Payload event);

    /** An op 8 PUBLISH_ACK arrived: the hub has taken every payload this client numbered up to {@code ps}. */
    void onPublishAck(ConnectionHandler connection, long ps);

    /** The connection's channel became writable again (it had stopped taking writes). */
    default void onWritable(ConnectionHandler connection) {}

    /** The op 1 payload to send now. */
    byte[] heartbeat();

    /** An asynchronous failure to report. */
    void onError(HubClientException error);

    /** The connection is gone; called once per connection. */
    void onClosed(ConnectionHandler connection, Disconnect disconnect);

    /**
     * How a connection ended.
     *
     * @param closeCode the close code received from the hub or sent by the client, or {@code -1}
     * @param reason the close reason or a description of the failure
     * @param established whether the WebSocket handshake had completed
     * @param reported whether the cause was already reported as an error (heartbeat timeout, protocol error)
     * @param cause the exception that ended it, or {@code null}
     */
    record Disconnect(int closeCode, String reason, boolean established, boolean reported, Throwable cause) {}
}
