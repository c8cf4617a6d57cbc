/**
 * The hub's domain core, apart from any transport: what happens when a client identifies, resumes,
 * sends an event, acknowledges one, or goes away. {@link dev.hubcord.hub.core.HubCore} ties the
 * session registry, the router, shard assignment and the IDENTIFY gate together; the WebSocket
 * handler only decodes frames and calls it.
 */
package dev.hubcord.hub.core;
