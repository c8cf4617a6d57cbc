#!/usr/bin/env bash
# Finds a nats-server >= 2.10 for the hub's cluster tests and links it as <target>/nats-server/bin/nats-server.
#
# The clustered hub needs JetStream's compare-and-set to hold across a NATS cluster, which nats-server 2.9 does not
# guarantee (Debian 12's 2.9.10 accepted two updates with the same expected revision, 212 of 678 in
# ClusterCompareAndSetTest's load). So: the nats-server on the PATH (or Debian's /usr/sbin/nats-server, from
# `apt-get install nats-server`) when it is 2.10 or newer; else Debian 13's package, fetched with a private apt
# configuration under <target> (scripts/fetch-debian13-packages.sh; the server is one static binary). Fails with a
# message when neither can be had, so that the cluster tests fail rather than skip.
#
# Usage: nats-server.sh <target-dir>
set -euo pipefail
target="$1"
out="$target/nats-server"
mkdir -p "$out/bin"
version_of() { "$1" --version 2>/dev/null | sed -n 's/^nats-server: v\([0-9.]*\).*/\1/p'; }
new_enough() { [ -n "$1" ] && printf '2.10\n%s\n' "$1" | sort -V -C; }

for candidate in "$(command -v nats-server || true)" /usr/sbin/nats-server "$out/debian13/root/usr/sbin/nats-server"; do
  [ -n "$candidate" ] && [ -x "$candidate" ] || continue
  version=$(version_of "$candidate")
  if new_enough "$version"; then
    ln -sf "$candidate" "$out/bin/nats-server"
    echo "nats-server $version for the cluster tests: $candidate"
    exit 0
  fi
  echo "nats-server $version at $candidate is older than 2.10 (its cluster compare-and-set is unsafe)"
done
echo "fetching Debian 13's nats-server into $out/debian13"
"$(dirname "$0")/../../../scripts/fetch-debian13-packages.sh" "$out/debian13" nats-server \
  || { echo "no nats-server >= 2.10 for the hub's cluster tests: install one (docs/cluster.md)" >&2; exit 1; }
candidate="$out/debian13/root/usr/sbin/nats-server"
version=$(version_of "$candidate")
new_enough "$version" || { echo "Debian 13's nats-server is $version, older than 2.10" >&2; exit 1; }
ln -sf "$candidate" "$out/bin/nats-server"
echo "nats-server $version for the cluster tests: $candidate"
