#!/usr/bin/env bash
# Audio worker capacity benchmark: players held with < 1 % frame loss, and CPU per player.
# Needs `lame` to make the MP3 (Debian: apt-get install -y lame; this script installs it when run as root).
#   audio-worker/bench.sh [--filters [JSON]] [players,players,...] [windowSeconds]
#   --filters: every player plays through these filters (a filters object); without JSON, a bass boost (equalizer,
#   3 bands) with timescale speed 1.25, what a music bot's "bass boost" and "nightcore" buttons set. The environment
#   variable BENCH_FILTERS does the same.
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh
if [ "${1:-}" = --filters ]; then
    shift
    if [[ "${1:-}" == \{* ]]; then
        BENCH_FILTERS=$1
        shift
    else
        BENCH_FILTERS='{"equalizer":[{"band":0,"gain":0.25},{"band":1,"gain":0.2},{"band":2,"gain":0.1}],"timescale":{"speed":1.25}}'
    fi
    export BENCH_FILTERS
fi
STEPS=${1:-50,100,150,200,250}
WINDOW=${2:-20}
if ! command -v lame >/dev/null; then
    if [ "$(id -u)" = 0 ]; then (apt-get install -y -q lame || (apt-get update -q && apt-get install -y -q lame)) >/dev/null; else echo "install lame (apt-get install lame)"; exit 1; fi
fi
# one reactor run, so the sibling modules resolve to their freshly built jars
./mvnw -q -pl audio-worker -am package dependency:build-classpath -DskipTests -Dmdep.includeScope=test \
    -Dmdep.outputFile=target/bench-cp.txt
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
# 3 minutes of a 440 Hz tone with a 5 Hz wobble, 44.1 kHz stereo (lavaplayer resamples it to 48 kHz), 192 kbit/s
"$JAVA_HOME/bin/java" -cp audio-worker/target/test-classes dev.hubcord.audio.bench.MakeWav "$WORK/in.wav" 180
lame --quiet -b 192 "$WORK/in.wav" "$WORK/bench.mp3"
"$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -cp "audio-worker/target/test-classes:audio-worker/target/classes:$(cat audio-worker/target/bench-cp.txt)" \
    dev.hubcord.audio.bench.AudioBench "$PWD/audio-worker/target/audio-worker.jar" "$WORK/bench.mp3" "$STEPS" "$WINDOW"
