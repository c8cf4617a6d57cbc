/**
 * Sessions and connections. A {@link dev.hubcord.hub.session.Session} outlives its WebSocket: it
 * numbers the events sent to it, keeps them for resume, and tracks which ones await an op 7 ACK. A
 * {@link dev.hubcord.hub.session.Connection} is one WebSocket; any thread may queue a payload on it,
 * and its own event loop compresses and writes the queue with one flush per batch.
 */
package dev.hubcord.hub.session;
