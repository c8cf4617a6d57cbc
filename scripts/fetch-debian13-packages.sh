#!/usr/bin/env bash
# Downloads Debian 13 (trixie) packages with apt through a private configuration (its own sources list, state and
# cache under <dir>, no root, no locking, nothing installed system-wide) and unpacks them under <dir>/root.
# Used where the build needs a newer Debian package than an older host has: dave's libdave runtime (glibc >= 2.38),
# the hub's cluster tests (nats-server >= 2.10).
#
# Usage: fetch-debian13-packages.sh <dir> <package>...   Exits non-zero with one line saying what failed.
set -euo pipefail
deb="$1"
shift
fail() {
  echo "could not fetch Debian 13's $*" >&2
  exit 1
}
command -v apt-get > /dev/null || fail "$* (no apt-get)"
command -v dpkg-deb > /dev/null || fail "$* (no dpkg-deb to unpack them)"
keyring=/usr/share/keyrings/debian-archive-keyring.gpg
[ -r "$keyring" ] || fail "$* (no Debian archive keyring at $keyring to verify them)"
# the host's own Debian mirror (the first non-security one its apt uses), so no host name is built in here
mirror=$(grep -hs '^URIs:' /etc/apt/sources.list.d/*.sources | awk '{print $2}' | grep -v security | head -1 || true)
if [ -z "$mirror" ]; then
  mirror=$(grep -hs '^deb ' /etc/apt/sources.list /etc/apt/sources.list.d/*.list | awk '{print $2}' \
    | grep -v security | head -1 || true)
fi
[ -n "$mirror" ] || fail "$* (no Debian mirror in the host's apt sources)"
rm -rf "$deb"
mkdir -p "$deb/etc/apt/sources.list.d" "$deb/etc/apt/preferences.d" "$deb/state/lists/partial" \
  "$deb/cache/archives/partial" "$deb/debs" "$deb/root"
cat > "$deb/etc/apt/sources.list.d/trixie.sources" <<SOURCES
Types: deb
URIs: $mirror
Suites: trixie
Components: main
Signed-By: $keyring
SOURCES
opts=(-q -o "Dir::Etc=$deb/etc/apt" -o Dir::Etc::SourceList=/dev/null
      -o "Dir::Etc::SourceParts=$deb/etc/apt/sources.list.d" -o "Dir::State=$deb/state"
      -o "Dir::Cache=$deb/cache" -o Debug::NoLocking=1 -o APT::Architecture=amd64)
apt-get "${opts[@]}" update > "$deb/apt-update.log" 2>&1 \
  || fail "$* (apt-get update against $mirror failed: $(tail -3 "$deb/apt-update.log" | tr '\n' ' '))"
(cd "$deb/debs" && apt-get "${opts[@]}" download "$@" > "$deb/apt-download.log" 2>&1) \
  || fail "$* (apt-get download failed: $(tail -3 "$deb/apt-download.log" | tr '\n' ' '))"
for package in "$deb"/debs/*.deb; do
  dpkg-deb -x "$package" "$deb/root" || fail "$* (could not unpack $package)"
done
