/**
 * The public API of {@code HubClient}, the library every hubcord service uses to talk to the hub:
 * the {@link dev.hubcord.protocol.client.HubClient} interface, its options, the listener types and
 * the value records (IDENTIFIED data, connection state changes, incoming events). Everything here is
 * transport-neutral; the Netty implementation lives in {@code client.internal} and is reached only
 * through {@link dev.hubcord.protocol.client.HubClient#create}.
 */
package dev.hubcord.protocol.client;
