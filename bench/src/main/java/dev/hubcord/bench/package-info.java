/**
 * Load tools for a running hub. {@link dev.hubcord.bench.RoutingBenchmark} connects sharder and
 * commands clients over real sockets, routes EXECUTE_COMMAND events through the hub with op 7
 * acknowledgement, and prints throughput and latency percentiles. The clients are deliberately lean
 * (they read {@code s} and the send timestamp by position) so that the numbers measure the hub.
 */
package dev.hubcord.bench;
