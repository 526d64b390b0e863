#!/usr/bin/env bash
# Installs the Debian packages the browser and Redis tests drive for real (chromium, redis-server).
# Without root or apt-get the tests that need them skip with a reason; nothing else depends on them.
set -u
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
[ ${#missing[@]} -eq 0 ] && exit 0
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "note: cannot install ${missing[*]} (needs root and apt-get); their tests will skip" >&2
  exit 0
fi
echo "installing Debian packages: ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null && apt-get install -y -qq "${missing[@]}" >/dev/null \
  || echo "note: apt-get install ${missing[*]} failed; their tests will skip" >&2
exit 0
