#!/usr/bin/env bash
# Runs hubcord locally: builds what is missing, then starts every service this checkout has,
# the hub first. With no HUB_SECRET the hub runs in its local demo mode (loopback only, a fixed
# demo secret). Ctrl-C (or SIGTERM) stops everything; the hub closes its clients with 1001.
#
#   ./run.sh                 # demo mode on 127.0.0.1:3282
#   HUB_SECRET=... ./run.sh  # your own secret (and any other HUB_* setting)
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-env.sh

HUB_JAR=hub/target/hub.jar
if [ ! -f "$HUB_JAR" ]; then
    echo "building (first run) ..."
    ./mvnw -q -DskipTests package
fi

JAVA_OPTS=(--enable-native-access=ALL-UNNAMED)
pids=()
stop() {
    for pid in "${pids[@]}"; do
        kill -TERM "$pid" 2>/dev/null || true
    done
    wait 2>/dev/null || true
}
trap stop INT TERM EXIT

hub_args=()
if [ -z "${HUB_SECRET:-}" ]; then
    hub_args+=(--demo)
    echo "no HUB_SECRET: starting the hub in demo mode (127.0.0.1, secret 'hubcord-demo-secret')"
fi
"$JAVA_HOME/bin/java" "${JAVA_OPTS[@]}" -jar "$HUB_JAR" "${hub_args[@]}" "$@" &
pids+=($!)

wait -n "${pids[@]}"
