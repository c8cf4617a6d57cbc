#!/usr/bin/env bash
# Runs the cache benchmarks: cache/bench.sh [memory|ingest|search|all]   (from anywhere)
# Builds the cache module's test classes, then starts a separate JVM with a fixed heap so that
# the heap measurements are not disturbed by Maven.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -pl cache -am test-compile
./mvnw -q -pl cache dependency:build-classpath -Dmdep.outputFile="$root/cache/target/bench.classpath" -Dmdep.includeScope=test
cp="$root/cache/target/test-classes:$root/cache/target/classes:$(cat "$root/cache/target/bench.classpath")"
exec "$JAVA_HOME/bin/java" -Xms4g -Xmx4g -XX:+UseG1GC -cp "$cp" dev.hubcord.cache.bench.CacheBenchmark "${1:-all}"
