/**
 * The sharder's counters and gauges (Micrometer, Prometheus format) and the optional small HTTP
 * port that serves {@code /health} and {@code /metrics}.
 */
package dev.hubcord.sharder.metrics;
