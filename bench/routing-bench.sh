#!/usr/bin/env bash
# Routed EXECUTE_COMMAND throughput and latency through a real hub process.
#   bench/routing-bench.sh [options]     (bench/routing-bench.sh --help lists them)
# Builds the hub and bench jars if missing, starts hub/target/hub.jar on a free loopback port,
# and prints events/s acknowledged and latency percentiles, uncompressed and with zstd.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
if [ ! -f hub/target/hub.jar ] || [ ! -f bench/target/bench.jar ]; then
    ./mvnw -q -pl hub,bench -am -DskipTests package
fi
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar bench/target/bench.jar "$@"
