#!/usr/bin/env bash
# Runs hubcord locally: builds what is missing, then starts the hub and every service, each as its
# own process, with its log lines prefixed by its name (coloured on a terminal; NO_COLOR=1 turns that off)
# and kept in $RUN_DIR/logs/NAME.log.
#
#   ./run.sh                       # everything against the simulated Discord (no token needed)
#   DISCORD_TOKEN=... HUB_SECRET=... ./run.sh    # a real bot on real Discord
#   ./run.sh hub                   # only the hub (any of: hub sim sharder commands audio)
#
# Without DISCORD_TOKEN the sharder and the commands worker talk to discord-sim (a simulated
# Discord on 127.0.0.1:${SIM_PORT:-8090}). Without HUB_SECRET the hub runs in its local demo mode
# (127.0.0.1 only, secret 'hubcord-demo-secret'). Ctrl-C (or SIGTERM) stops everything, the hub last,
# printing each service's shutdown lines and exit code. When a service ends by itself, run.sh says
# which one and with what code, and stops the others.
set -euo pipefail
cd "$(dirname "$0")"
source scripts/java-env.sh

HUB_PORT=${HUB_PORT:-3282}
SIM_PORT=${SIM_PORT:-8090}
RUN_DIR=${RUN_DIR:-run}
mkdir -p "$RUN_DIR/logs"

# a colour per service for the line prefixes, only when a person reads them (https://no-color.org)
declare -A COLOURS=([hub]=36 [sim]=90 [sharder]=35 [commands]=33 [audio]=32)
if [ -t 1 ] && [ -z "${NO_COLOR:-}" ] && [ "${TERM:-}" != dumb ]; then colour=1; else colour=0; fi
prefix() {
    if [ "$colour" = 1 ]; then printf '\033[%sm[%s]\033[0m ' "${COLOURS[$1]:-1}" "$1"; else printf '[%s] ' "$1"; fi
}

if [ $# -gt 0 ]; then services=("$@"); else services=(hub sim sharder commands audio); fi
if [ -n "${DISCORD_TOKEN:-}" ]; then
    services=("${services[@]/sim}")
fi
wants() { [[ " ${services[*]} " == *" $1 "* ]]; }

declare -A JARS=([hub]=hub/target/hub.jar [sim]=discord-sim/target/discord-sim.jar
    [sharder]=sharder/target/sharder.jar [commands]=commands-worker/target/commands-worker.jar
    [audio]=audio-worker/target/audio-worker.jar)
EXAMPLE_JAR=example-bot/target/example-bot.jar
for s in "${services[@]}"; do
    [ -n "$s" ] || continue
    if [ ! -f "${JARS[$s]}" ] || { [ "$s" = commands ] && [ ! -f "$EXAMPLE_JAR" ]; }; then
        echo "building (first run, a few minutes) ..."
        ./mvnw -q -DskipTests package
        break
    fi
done

JAVA=("$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED)
# JVM options per service (HUB_JAVA_OPTS replaces the hub's). The hub's Discord cache is long-lived:
# promoted after two young collections it is not copied between survivor spaces up to 15 times,
# which cost 20-40 ms young pauses under REST load (docs/benchmarks.md).
declare -A JVM_OPTS=([hub]="${HUB_JAVA_OPTS:--XX:MaxTenuringThreshold=2}")
pids=()
names=()
stop() {
    trap - INT TERM EXIT
    local code
    for ((i = ${#pids[@]} - 1; i >= 0; i--)); do
        if kill -0 "${pids[$i]}" 2>/dev/null; then
            echo "stopping ${names[$i]} ..."
            kill -TERM "${pids[$i]}" 2>/dev/null || true
            code=0
            wait "${pids[$i]}" 2>/dev/null || code=$?
            echo "${names[$i]} exited with code $code"
        fi
    done
    wait # the log prefixers: they end when their service's output does, after its last shutdown line
}
trap stop INT TERM EXIT

# start NAME ENV... -- ARGS: runs a jar in the background, its output prefixed with [NAME] and appended to
# $RUN_DIR/logs/NAME.log.
# Each service runs in a session of its own (setsid), so a Ctrl-C in the terminal reaches only this script, which
# then stops the services one by one, the hub last; the prefixer ignores SIGINT so that it still prints each
# service's shutdown lines.
start() {
    local name=$1 tag
    tag=$(prefix "$name")
    shift
    local envs=()
    while [ "$1" != "--" ]; do envs+=("$1"); shift; done
    shift
    # shellcheck disable=SC2086 # the options are words
    setsid env "${envs[@]}" "${JAVA[@]}" ${JVM_OPTS[$name]:-} -jar "${JARS[$name]}" "$@" \
        > >(trap '' INT; tee -a "$RUN_DIR/logs/$name.log" | sed -u "s/^/${tag//\//\\/}/") 2>&1 &
    pids+=($!)
    names+=("$name")
}

# waits until a service answers: its health URL with curl, or (without curl) its port accepting connections
await_http() {
    local url=$1 what=$2
    local hostport=${url#http://}
    hostport=${hostport%%/*}
    for _ in $(seq 1 150); do
        if command -v curl >/dev/null 2>&1; then
            curl -fs -o /dev/null "$url" 2>/dev/null && return 0
        elif (exec 3<>"/dev/tcp/${hostport%:*}/${hostport#*:}") 2>/dev/null; then
            return 0
        fi
        sleep 0.2
    done
    echo "$what did not come up ($url)" >&2
    exit 1
}

if [ -z "${HUB_SECRET:-}" ]; then
    HUB_SECRET=hubcord-demo-secret
    hub_args=(--demo)
    echo "no HUB_SECRET: the hub runs in demo mode (127.0.0.1, secret '$HUB_SECRET')"
else
    hub_args=()
fi
HUB_URL=${HUB_URL:-ws://127.0.0.1:$HUB_PORT/ws/v1}

if wants hub; then
    start hub HUB_SECRET="$HUB_SECRET" HUB_PORT="$HUB_PORT" -- "${hub_args[@]}"
    await_http "http://127.0.0.1:$HUB_PORT/health" "the hub"
fi

audio_env=()
commands_env=()
sharder_env=()
if [ -z "${DISCORD_TOKEN:-}" ]; then
    DISCORD_TOKEN=${SIM_TOKEN:-hubcord-demo-token}
    DISCORD_API_BASE=http://127.0.0.1:$SIM_PORT/api/v10
    # the simulator's voice server speaks plain ws:// (real Discord voice needs wss://, the worker's default)
    audio_env=(AUDIO_VOICE_TLS=false)
    # a demo music library (four 5 s tagged WAV tones, ~4 MB, written once) so `!play <words>` works offline
    AUDIO_LIBRARY_DIR=${AUDIO_LIBRARY_DIR:-$RUN_DIR/music}
    if wants audio; then
        "$JAVA_HOME/bin/java" -cp "${JARS[audio]}" dev.hubcord.audio.library.DemoLibrary "$AUDIO_LIBRARY_DIR"
    fi
    audio_env+=(AUDIO_LIBRARY_DIR="$AUDIO_LIBRARY_DIR")
    # the example bot of docs/commands.md (/calc, /coffee, /color, /counter, /feedback, /announce, "High five",
    # a welcome on member join), loaded as a bot author's jar; with a real token, set COMMANDS_PLUGINS_DIR yourself
    if wants commands && [ -z "${COMMANDS_PLUGINS_DIR:-}" ]; then
        mkdir -p "$RUN_DIR/plugins"
        cp "$EXAMPLE_JAR" "$RUN_DIR/plugins/"
        commands_env=(COMMANDS_PLUGINS_DIR="$RUN_DIR/plugins")
        sharder_env=(SHARDER_DISPATCH_EVENTS="${SHARDER_DISPATCH_EVENTS:-GUILD_MEMBER_ADD}")
    fi
    if wants sim; then
        start sim -- --port "$SIM_PORT" --guilds "${SIM_GUILDS:-20}" --token "$DISCORD_TOKEN"
        await_http "http://127.0.0.1:$SIM_PORT/_sim/health" "discord-sim"
        echo "simulated Discord on 127.0.0.1:$SIM_PORT (control API under /_sim/, see discord-sim/README.md;" \
            "audio that reached its voice server: curl http://127.0.0.1:$SIM_PORT/_sim/voice)"
    fi
fi
DISCORD_API_BASE=${DISCORD_API_BASE:-https://discord.com/api/v10}

common=(HUB_URL="$HUB_URL" HUB_SECRET="$HUB_SECRET")
discord=(DISCORD_TOKEN="$DISCORD_TOKEN" DISCORD_API_BASE="$DISCORD_API_BASE")
wants sharder && start sharder "${common[@]}" "${discord[@]}" "${sharder_env[@]}" --
wants commands && start commands "${common[@]}" "${discord[@]}" COMMANDS_DB="$RUN_DIR/commands-worker.db" \
    "${commands_env[@]}" --
wants audio && start audio "${common[@]}" "${audio_env[@]}" --

echo "running: ${names[*]} — REST: curl -H 'Authorization: $HUB_SECRET' http://127.0.0.1:$HUB_PORT/v1/services"
# The first service to end ends the run, and says so: the others are stopped (hub last).
set +e
wait -n -p ended "${pids[@]}"
code=$?
set -e
for i in "${!pids[@]}"; do
    if [ "${pids[$i]}" = "${ended:-}" ]; then
        echo "${names[$i]} exited with code $code; stopping the others (its log: $RUN_DIR/logs/${names[$i]}.log)" >&2
    fi
done
exit "$code"
