package dev.hubcord.protocol.client;

/**
 * Told of asynchronous failures, which are never thrown: lost connections, heartbeat timeouts,
 * refused sends, undecodable payloads from the hub, listener exceptions. Called on the client's
 * notification thread (never on a network thread), in order; it should return quickly.
 * Without any registered error listener the client logs these failures.
 */
@FunctionalInterface
public interface ErrorListener {

    void onError(HubClientException error);
}
