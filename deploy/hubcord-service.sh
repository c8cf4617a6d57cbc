#!/usr/bin/env bash
# The image's entry point: runs one hubcord service, named by the first argument; the others are its own.
#   hubcord-service.sh hub|sim|sharder|commands|audio [options]
#   hubcord-service.sh ready PORT [PATH]     # health check: exit 0 when GET http://127.0.0.1:PORT/PATH (/ready)
#                                           # answers 200 (bash's /dev/tcp: the image needs no curl)
set -euo pipefail
service=${1:-}
[ $# -gt 0 ] && shift
case "$service" in
    ready)
        port=${1:?usage: hubcord-service.sh ready PORT [PATH]}
        path=${2:-/ready}
        exec 3<>"/dev/tcp/127.0.0.1/$port"
        printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$path" >&3
        read -r _ status _ <&3
        [ "$status" = 200 ]
        exit
        ;;
    hub) jar=hub.jar ;;
    sim) jar=discord-sim.jar ;;
    sharder) jar=sharder.jar ;;
    commands) jar=commands-worker.jar ;;
    audio) jar=audio-worker.jar ;;
    *)
        echo "usage: hubcord-service.sh hub|sim|sharder|commands|audio [options] | ready PORT [PATH]; got '$service'" >&2
        exit 2
        ;;
esac
# exec: the JVM is the container's main process, so that docker stop's SIGTERM reaches its shutdown hooks
# shellcheck disable=SC2086 # JAVA_OPTS are words
exec java --enable-native-access=ALL-UNNAMED ${JAVA_OPTS:-} -jar "/opt/hubcord/$jar" "$@"
