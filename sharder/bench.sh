#!/usr/bin/env bash
# Sharder benchmarks: sharder/bench.sh [throughput|startup|all]   (from anywhere)
# Builds the sharder's test classes (and what they need), then runs SharderBenchmark in its own JVM:
# the simulated Discord, a real hub and one sharder in one process, all compressed with zstd.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -pl sharder -am test-compile dependency:build-classpath \
    -Dmdep.outputFile="$root/sharder/target/bench.classpath" -Dmdep.includeScope=test
cp="$root/sharder/target/test-classes:$root/sharder/target/classes:$(cat "$root/sharder/target/bench.classpath")"
exec "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -Xms2g -Xmx4g -XX:+UseG1GC \
    -Dlogback.configurationFile="$root/sharder/src/test/resources/logback-bench.xml" \
    -cp "$cp" dev.hubcord.sharder.bench.SharderBenchmark "${1:-all}"
