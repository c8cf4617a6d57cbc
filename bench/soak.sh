#!/usr/bin/env bash
# The soak: bench/soak.sh [minutes]   (default 30; from anywhere)
# Starts hub/target/hub.jar and routes 10,000 EXECUTE_COMMAND events/s through it from load sharders to load
# commands workers (the bench module's clients, each event acknowledged) for the given time; samples heap after GC,
# RSS, threads, file descriptors, GC pauses, acks pending and p99 every 10 s into bench/target/soak/soak.csv, draws
# bench/target/soak/soak.png, prints PASS/FAIL per criterion and exits non-zero on a failure.
# Builds the hub and bench jars if missing. Run it under `nice -n 19` on a shared machine.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
if [ ! -f hub/target/hub.jar ] || [ ! -f bench/target/bench.jar ]; then
    ./mvnw -q -pl hub,bench -am -DskipTests package
fi
exec "$JAVA_HOME/bin/java" -Djava.awt.headless=true -cp bench/target/bench.jar dev.hubcord.bench.Soak \
    --minutes "${1:-30}" --out bench/target/soak
