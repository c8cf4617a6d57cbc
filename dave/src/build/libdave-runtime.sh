#!/usr/bin/env bash
# Prepares the C runtime that libdave (through jdave 0.1.5) needs for the interop tests, and writes
# <target>/libdave-runtime/bin/java: the JVM the failsafe plugin starts JDaveInteropIT with.
#
# libdave needs glibc >= 2.38 and GCC 13+ libstdc++. On an older host (Debian 12 has glibc 2.36), Debian 13's
# libc6, libstdc++6 and libgcc-s1 are downloaded with apt through a private configuration (its own sources list,
# state and cache under <target>, no root, no locking) and unpacked under <target>; the wrapper then starts the JVM
# through that glibc's dynamic loader. Nothing is installed system-wide. On a host that already has glibc >= 2.38
# the wrapper starts the JDK's java directly.
#
# Usage: libdave-runtime.sh <target-dir> <java-home>. Exits non-zero with a message saying what failed, so the
# build fails rather than skipping the interop tests.
set -euo pipefail
target="$1"
java_home="$2"
out="$target/libdave-runtime"
deb="$out/debian13"
libs="$deb/root/usr/lib/x86_64-linux-gnu"
fail() {
  echo "libdave interop runtime could not be prepared: $*" >&2
  echo "The libdave interop tests (dave/src/test/java/dev/hubcord/dave/JDaveInteropIT.java) need it; see dave/README.md." >&2
  exit 1
}

[ -x "$java_home/bin/java" ] || fail "no java at $java_home/bin/java"
[ "$(uname -m)" = x86_64 ] || fail "jdave 0.1.5 ships libdave for linux-x86-64 only; this machine is $(uname -m)"
mkdir -p "$out/bin"

glibc="$(getconf GNU_LIBC_VERSION 2>/dev/null | awk '{print $2}')"
if [ -n "$glibc" ] && printf '2.38\n%s\n' "$glibc" | sort -V -C; then
  echo "host glibc $glibc >= 2.38: libdave loads with the host's C runtime"
  printf '#!/bin/sh\nexec "%s/bin/java" "$@"\n' "$java_home" > "$out/bin/java"
  chmod +x "$out/bin/java"
  exit 0
fi

if [ ! -e "$libs/libc.so.6" ] || [ ! -e "$libs/libstdc++.so.6" ]; then
  echo "host glibc ${glibc:-unknown} < 2.38: fetching Debian 13's libc6, libstdc++6, libgcc-s1 into $deb"
  "$(dirname "$0")/../../../scripts/fetch-debian13-packages.sh" "$deb" libc6 libstdc++6 libgcc-s1 \
    || fail "host glibc ${glibc:-unknown} < 2.38 and Debian 13's C runtime could not be fetched (above)"
fi
[ -x "$libs/ld-linux-x86-64.so.2" ] || fail "Debian 13's loader is missing from $libs"

cat > "$out/bin/java" <<WRAPPER
#!/bin/sh
# The JDK's java, run by Debian 13's dynamic loader with Debian 13's C and C++ runtime first on the library path.
exec "$libs/ld-linux-x86-64.so.2" --library-path "$libs" "$java_home/bin/java" "\$@"
WRAPPER
chmod +x "$out/bin/java"
"$out/bin/java" -version > "$out/java-version.log" 2>&1 \
  || fail "the JDK does not start through Debian 13's loader: $(head -3 "$out/java-version.log" | tr '\n' ' ')"
echo "libdave runtime ready: $out/bin/java ($(ls "$deb"/debs | tr '\n' ' '))"
