package dev.hubcord.sharder.forward;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Where forwarded things go: the hub. Sends never block; while the hub is away they wait in a
 * bounded buffer, and what does not fit is accounted for by the implementation (a refused cache
 * entity marks its guild for a resend).
 */
public interface HubSink {

    /**
     * Sends one op 5 entity.
     *
     * @param guildId the guild the entity belongs to (0 for none): on overflow that guild is resent
     * @return whether it was accepted
     */
    boolean sendCache(long guildId, ObjectNode entity);

    /** Sends an op 2 event; returns whether it was accepted. */
    boolean sendEvent(String event, Object data);
}
