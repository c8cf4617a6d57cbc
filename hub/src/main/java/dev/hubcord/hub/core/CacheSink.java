package dev.hubcord.hub.core;

import dev.hubcord.protocol.codec.Envelope;

/**
 * Where op 5 CACHE payloads go. Implementations validate {@code d} and throw {@link CloseException}
 * with 4005 for a payload that is not a valid cache entity.
 */
@FunctionalInterface
public interface CacheSink {

    void accept(Envelope envelope);
}
