/**
 * Event routing: the delivery modes of contract section 6. {@code one} events go to the connected
 * receiver with the fewest unacknowledged events, {@code guild} events to the owner of the guild
 * (a sharder by shard, an audio worker by assignment), and events with no receiver wait in a
 * bounded queue per receiver type. Requests with a {@code nonce} remember who asked, so the
 * {@code REPLY} finds its way back.
 */
package dev.hubcord.hub.routing;
