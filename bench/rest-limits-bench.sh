#!/usr/bin/env bash
# Discord REST limits, coordinated by the hub against one limiter per process, in the same run: 4 REST clients
# flood one channel's message bucket, one guild's ban routes and a global-only route of the simulated Discord at
# Discord's default limits, SECONDS per mode (default 60); then the p50/p99 latency the hub adds to a request.
# Usage: bench/rest-limits-bench.sh [SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_MODE="${1:-60}"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -pl discord-rest -am verify -DskipITs -Dtest=RestLimitsBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
  -Dbench.seconds="$SECONDS_PER_MODE" -DtrimStackTrace=true >/dev/null
sed -n '/REST clients/,$p' discord-rest/target/surefire-reports/dev.hubcord.discordrest.RestLimitsBenchmark-output.txt \
  | grep -v -e '^[0-9:.]* \(WARN\|INFO\|ERROR\)' -e '^\s*at ' -e 'Exception' -e '^Caused by'
