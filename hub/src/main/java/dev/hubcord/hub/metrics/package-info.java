/**
 * The hub's Micrometer metrics, exposed in Prometheus text format at {@code /metrics}: connections
 * per service type, events routed per name, acknowledgements pending, redeliveries, and events that
 * waited for or overflowed the queue of a receiver type with nobody connected.
 */
package dev.hubcord.hub.metrics;
