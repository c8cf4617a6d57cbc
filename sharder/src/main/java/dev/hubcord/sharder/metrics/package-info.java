/**
 * The sharder's counters and gauges (Micrometer, Prometheus format); the process serves them on {@code /metrics} of
 * its {@code SHARDER_HTTP_PORT} through the service kit.
 */
package dev.hubcord.sharder.metrics;
