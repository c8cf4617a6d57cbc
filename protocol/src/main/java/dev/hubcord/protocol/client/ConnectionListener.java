package dev.hubcord.protocol.client;

/**
 * Told of every {@link ConnectionState} change, in order, on the client's notification thread (never
 * on a network thread). It should return quickly: later notifications wait for it.
 */
@FunctionalInterface
public interface ConnectionListener {

    void onStateChange(StateChange change);
}
