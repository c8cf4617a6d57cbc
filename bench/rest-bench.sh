#!/usr/bin/env bash
# REST throughput of the hub's Discord cache API: bench/rest-bench.sh [SECONDS]   (from anywhere)
#
# Starts hub/target/hub.jar (built if missing) on a free loopback port, loads a population of
# ~940,000 members in 1,000 guilds through a real sharder WebSocket connection
# (hub/src/test/java/dev/hubcord/hub/bench/RestBenchLoader.java), then runs wrk with 2 threads and
# 50 connections against GET member, member search and permissions (each preceded by a warm-up),
# and finally GET member again while the loader streams op 5 member updates into the hub (paced at
# 5,000/s, then unpaced).
# Prints requests/s and p99 per run. wrk shares the machine's cores with the hub, on purpose.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
seconds="${1:-20}"
warmup=${WARMUP:-10}  # s of wrk before each measured run: JIT, and the freshly loaded cache promoted to the old generation

if ! command -v wrk >/dev/null 2>&1; then
    echo "wrk is not installed; trying: apt-get install -y wrk"
    if ! { apt-get install -y wrk >/dev/null 2>&1 || { apt-get update >/dev/null 2>&1 && apt-get install -y wrk >/dev/null 2>&1; }; }; then
        echo "could not install wrk. Install it (Debian/Ubuntu: sudo apt-get install -y wrk; macOS: brew install wrk) and rerun." >&2
        exit 1
    fi
fi
if [ ! -f hub/target/hub.jar ]; then
    echo "building hub/target/hub.jar"
    ./mvnw -q -pl hub -am package -DskipTests
fi

work="$(mktemp -d /tmp/rest-bench.XXXXXX)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])' 2>/dev/null \
    || echo $((20000 + RANDOM % 30000)))"
secret="bench-$(od -An -N8 -tx8 /dev/urandom | tr -d ' ')"
# HUB_JAVA_OPTS replaces the hub's GC options (default: what run.sh uses, see docs/benchmarks.md)
hub_opts=(--enable-native-access=ALL-UNNAMED -Xms2g -Xmx2g ${HUB_JAVA_OPTS:--XX:MaxTenuringThreshold=2})

# The contract's per-connection rate limit (10,000 payloads/s) would cap the ingest figure at the
# limit; the benchmark raises it to measure what the hub itself can store.
HUB_SECRET="$secret" HUB_HOST=127.0.0.1 HUB_PORT="$port" HUB_RATE_LIMIT=10000000 \
    "$java" "${hub_opts[@]}" -jar hub/target/hub.jar >"$work/hub.log" 2>&1 &
hub_pid=$!
trap 'kill "$hub_pid" 2>/dev/null; wait "$hub_pid" 2>/dev/null; rm -rf "$work"' EXIT

for _ in $(seq 100); do
    if curl -fs "http://127.0.0.1:$port/health" >/dev/null 2>&1; then break; fi
    sleep 0.1
done
curl -fs "http://127.0.0.1:$port/health" >/dev/null || { echo "hub did not start:"; cat "$work/hub.log"; exit 1; }

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $("$java" -version 2>&1 | head -1)"
echo "hub: java ${hub_opts[*]} -jar hub/target/hub.jar on 127.0.0.1:$port (pid $hub_pid)"
loader=("$java" -cp hub/target/hub.jar hub/src/test/java/dev/hubcord/hub/bench/RestBenchLoader.java)
"${loader[@]}" load 127.0.0.1 "$port" "$secret" "$work"

lua="$root/bench/paths.lua"
tick="$(getconf CLK_TCK)"
hub_cpu() { awk '{print $14 + $15}' "/proc/$hub_pid/stat"; }
# run NAME PATHS_FILE SECONDS: one wrk run; prints requests/s, latency percentiles, and the hub's
# CPU time (user + system) per request, a figure that other load on the machine disturbs less.
run() {
    local out before after requests
    before="$(hub_cpu)"
    out="$(wrk -t2 -c50 -d"$3"s --latency -H "Authorization: $secret" -s "$lua" "http://127.0.0.1:$port" -- "$2")"
    after="$(hub_cpu)"
    requests="$(awk '/requests in/{print $1}' <<<"$out")"
    printf '%-28s %10s req/s   p50 %8s   p99 %8s   hub CPU %6s us/req   errors: %s\n' "$1" \
        "$(awk '/Requests\/sec/{print $2}' <<<"$out")" "$(awk '$1=="50%"{print $2}' <<<"$out")" \
        "$(awk '$1=="99%"{print $2}' <<<"$out")" \
        "$(awk -v c=$((after - before)) -v t="$tick" -v n="$requests" 'BEGIN{printf "%.1f", c * 1e6 / t / n}')" \
        "$( (grep -E 'Non-2xx|Socket errors' <<<"$out" || echo none) | tr '\n' ' ')"
}

echo "wrk -t2 -c50 -d${seconds}s --latency -H 'Authorization: <secret>' -s bench/paths.lua (after ${warmup}s warm-up each); load average $(cut -d' ' -f1-3 /proc/loadavg)"
for endpoint in member search permissions; do
    run "warm-up $endpoint" "$work/$endpoint.txt" "$warmup" >/dev/null
    run "GET $endpoint" "$work/$endpoint.txt" "$seconds"
done

# GET member while a sharder streams op 5 member updates: paced at 5,000/s (a busy bot's
# GUILD_MEMBER_UPDATE rate), then as fast as one connection takes them.
for rate in 5000 0; do
    label="$([ "$rate" = 0 ] && echo "max" || echo "$rate/s")"
    echo "GET member while a sharder streams op 5 member updates ($label):"
    "${loader[@]}" ingest 127.0.0.1 "$port" "$secret" "$seconds" "$rate" &
    ingest_pid=$!
    run "GET member + ingest $label" "$work/member.txt" "$seconds"
    wait "$ingest_pid"
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
