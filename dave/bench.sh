#!/usr/bin/env bash
# DAVE frame benchmark (JMH): dave/bench.sh [extra JMH args]   (from anywhere)
# Prints frames/s for encrypting a 120-byte Opus frame, single thread (= per core), then with 2 threads.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
./mvnw -q -pl dave -am test-compile
./mvnw -q -pl dave dependency:build-classpath -Dmdep.outputFile="$root/dave/target/bench.classpath" -Dmdep.includeScope=test
cp="$root/dave/target/test-classes:$root/dave/target/classes:$(cat "$root/dave/target/bench.classpath")"
java=("$JAVA_HOME/bin/java" -Xms512m -Xmx512m -Ddave.log.level=WARN -cp "$cp")
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
"${java[@]}" org.openjdk.jmh.Main DaveFrameBenchmark -f 1 -wi 3 -w 2s -i 5 -r 3s -t 1 "$@"
"${java[@]}" org.openjdk.jmh.Main 'DaveFrameBenchmark.encrypt$' -f 1 -wi 3 -w 2s -i 5 -r 3s -t 2 "$@"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
