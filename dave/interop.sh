#!/usr/bin/env bash
# Runs JDaveInteropTest (our DAVE against libdave via jdave 0.1.5) on a glibc 2.36 host: libdave needs glibc >= 2.38
# and GCC 13+ libstdc++, so Debian 13's libc6, libstdc++6 and libgcc-s1 are fetched with a private apt configuration
# into dave/target/debian13, and the test JVM is started through that glibc's dynamic loader (surefire's -Djvm).
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
cd "$root"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
deb="$root/dave/target/debian13"
libs="$deb/root/usr/lib/x86_64-linux-gnu"
if [ ! -e "$libs/libc.so.6" ]; then
  mkdir -p "$deb/etc/apt/sources.list.d" "$deb/etc/apt/preferences.d" "$deb/state/lists/partial" \
    "$deb/cache/archives/partial" "$deb/debs"
  cat > "$deb/etc/apt/sources.list.d/trixie.sources" <<EOF
Types: deb
URIs: http://deb.debian.org/debian
Suites: trixie
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  opts=(-o "Dir::Etc=$deb/etc/apt" -o Dir::Etc::SourceList=/dev/null -o "Dir::Etc::SourceParts=$deb/etc/apt/sources.list.d"
        -o "Dir::State=$deb/state" -o "Dir::Cache=$deb/cache" -o Debug::NoLocking=1 -o APT::Architecture=amd64)
  apt-get "${opts[@]}" update
  (cd "$deb/debs" && apt-get "${opts[@]}" download libc6 libstdc++6 libgcc-s1)
  for d in "$deb"/debs/*.deb; do dpkg-deb -x "$d" "$deb/root"; done
fi
mkdir -p "$deb/jvm/bin"
cat > "$deb/jvm/bin/java" <<EOF
#!/bin/sh
exec "$libs/ld-linux-x86-64.so.2" --library-path "$libs" "$JAVA_HOME/bin/java" "\$@"
EOF
chmod +x "$deb/jvm/bin/java"
"$deb/jvm/bin/java" -version 2>&1 | head -1
./mvnw -q -pl dave test -Dtest=JDaveInteropTest -Djvm="$deb/jvm/bin/java"
grep -h "Tests run" dave/target/surefire-reports/dev.hubcord.dave.JDaveInteropTest.txt
