#!/usr/bin/env bash
# Fuzzes every network decoder with Jazzer, one @FuzzTest at a time (Jazzer fuzzes one per JVM).
#   scripts/fuzz.sh [SECONDS_PER_TARGET | --runs N] [FILTER]
# Default: 60 seconds per target. --runs N stops each target after N inputs instead (the record
# campaign is --runs 10000000). FILTER keeps only the targets whose "module:Class#method" contains it.
# Runs under nice -n 19. A finding fails the target: Jazzer writes the input that triggered it into the
# target's Inputs folder under src/test/resources, where ./mvnw verify replays it from then on; fix
# the code and keep the input (renamed to say what it is) as a regression case.
# Prints one line per target: inputs run, seconds, inputs/s, result; exits non-zero if any target failed.
set -uo pipefail
cd "$(dirname "$0")/.."
source scripts/java-env.sh

limit_env="JAZZER_MAX_DURATION=60s"
case "${1:-}" in
    --runs) limit_env="JAZZER_MAX_EXECUTIONS=${2:?--runs needs a count} JAZZER_MAX_DURATION=168h"; shift 2 ;;
    '') ;;
    *) limit_env="JAZZER_MAX_DURATION=${1}s"; shift ;;
esac
filter="${1:-}"

# module:FuzzClass#method, for every decoder that reads bytes from the network
TARGETS=(
    protocol:dev.hubcord.protocol.codec.CodecFuzzTest#envelopeScanner
    protocol:dev.hubcord.protocol.codec.CodecFuzzTest#payloadCodec
    protocol:dev.hubcord.protocol.codec.CodecFuzzTest#zlibFrames
    protocol:dev.hubcord.protocol.codec.CodecFuzzTest#zstdStream
    cache:dev.hubcord.cache.CacheIngestFuzzTest#op5Payloads
    hub:dev.hubcord.hub.server.RestFuzzTest#requestLine
    sharder:dev.hubcord.sharder.forward.DispatchFuzzTest#gatewayDispatches
    sharder:dev.hubcord.sharder.gateway.GatewayDecoderFuzzTest#zlibStream
    sharder:dev.hubcord.sharder.gateway.GatewayDecoderFuzzTest#zstdStream
    dave:dev.hubcord.dave.DaveFuzzTest#binaryMessages
    dave:dev.hubcord.dave.DaveFuzzTest#mediaFrames
    audio-worker:dev.hubcord.audio.voice.VoiceMessagesFuzzTest#voiceMessages
    audio-worker:dev.hubcord.audio.transport.IpDiscoveryFuzzTest#response
)

# Each fuzzing JVM: a bounded heap and direct memory, so that unbounded allocation is an OutOfMemoryError
# (a finding) instead of a slow machine; libFuzzer's -timeout makes an input that runs 10 s a finding.
jvm_args="--enable-native-access=ALL-UNNAMED -XX:+EnableDynamicAgentLoading -Xmx1g -XX:MaxDirectMemorySize=256m"

failed=0
printf '%-60s %12s %8s %10s  %s\n' target inputs seconds inputs/s result
for target in "${TARGETS[@]}"; do
    [[ "$target" == *"$filter"* ]] || continue
    module=${target%%:*}
    test=${target#*:}
    class=${test%%#*}
    report="/tmp/fuzz-$module-${test##*#}.log"
    # the reactor (-am) resolves the sibling modules from their target/ folders: nothing is installed
    env JAZZER_FUZZ=1 $limit_env nice -n 19 ./mvnw -q -pl "$module" -am test \
        -Dtest="$test" -Dsurefire.failIfNoSpecifiedTests=false -Djazzer.hooks=true -Dfuzz.regression.skip=true \
        -Djazzer.internal.arg.0=fuzz -Djazzer.internal.arg.1=-timeout=10 \
        -DargLine="$jvm_args" >"$report" 2>&1
    status=$?
    done_line=$(grep -a -E '^Done [0-9]+ runs in [0-9]+ second' "$report" 2>/dev/null | tail -1)
    runs=$(echo "$done_line" | awk '{print $2}')
    secs=$(echo "$done_line" | awk '{print $5}')
    rate=$(grep -a -o -E 'exec/s: [0-9]+' "$report" 2>/dev/null | tail -1 | awk '{print $2}')
    result=ok
    if [ $status -ne 0 ]; then
        result="FINDING (see $report)"
        failed=1
    fi
    printf '%-60s %12s %8s %10s  %s\n' "$module:${class##*.}#${test##*#}" "${runs:-?}" "${secs:-?}" "${rate:-?}" "$result"
done
exit $failed
