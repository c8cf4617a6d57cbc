# Sourced by run.sh and .ci/run: points JAVA_HOME at a JDK 25 or newer.
# Keeps a JAVA_HOME that is already 25+, else the default java if it is 25+, else the newest
# JDK 25+ under /usr/lib/jvm (where Debian and Temurin packages install).

java_major() {
    "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2; exit}'
}

is_jdk25() {
    [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] && [ "$(java_major "$1/bin/java")" -ge 25 ] 2>/dev/null
}

if [ -n "${JAVA_HOME:-}" ] && is_jdk25 "$JAVA_HOME"; then
    :
elif command -v javac >/dev/null 2>&1 && is_jdk25 "$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"; then
    JAVA_HOME="$(dirname "$(dirname "$(readlink -f "$(command -v javac)")")")"
else
    JAVA_HOME=""
    for candidate in $(ls -d /usr/lib/jvm/* 2>/dev/null | sort -rV); do
        if is_jdk25 "$candidate"; then
            JAVA_HOME="$candidate"
            break
        fi
    done
    if [ -z "$JAVA_HOME" ]; then
        echo "hubcord needs a JDK 25 or newer and found none: install one (e.g. Eclipse Temurin 25, or your distribution's openjdk-25-jdk) and set JAVA_HOME to it." >&2
        exit 1
    fi
fi
export JAVA_HOME
export PATH="$JAVA_HOME/bin:$PATH"
