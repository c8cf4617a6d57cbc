package dev.hubcord.protocol.client;

/**
 * Receives events from the hub, one at a time and in order, on the client's dispatcher (never on a
 * network thread). A listener may block: later events wait for it. An exception it throws goes to
 * the {@link ErrorListener}s as {@link HubClientException.Kind#LISTENER_FAILED}; the event still
 * counts as handled (and is acknowledged in {@link AckMode#AUTO}), so a poison event does not loop.
 */
@FunctionalInterface
public interface EventListener {

    void onEvent(IncomingEvent event) throws Exception;
}
