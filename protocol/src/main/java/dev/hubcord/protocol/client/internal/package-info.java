/**
 * The Netty implementation of {@code HubClient}; not API. One small NIO event loop runs every
 * connection's pipeline (HTTP codec, WebSocket handshake, frame aggregation, {@code FrameCodec},
 * {@code ConnectionHandler}) and all session bookkeeping, so that state needs no locks; only the send
 * buffer ({@code Outbox}) is shared with application threads. Listeners never run on the event loop:
 * events go to an ordered dispatcher, state changes and errors to a notification thread, and request
 * futures complete on virtual threads, so application code may block without stalling heartbeats.
 */
package dev.hubcord.protocol.client.internal;
