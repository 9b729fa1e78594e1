#!/bin/sh
# Installs what the browser tests (test/browser) need from Debian when it is missing:
#   - Debian's Chromium (driven by playwright-core) and CJK fonts for the screenshots;
#   - libnss3 / libnspr4, the only shared libraries beyond libc that the old Chromium 65 and 72
#     builds of test/browser/old-chromium.ts need (checked with ldd; Debian's chromium depends
#     on them too, they are named so that the old builds never lose them).
# Idempotent: does nothing when all are present. Needs root (or sudo) and apt.
set -eu
if [ -x /usr/bin/chromium ] && ldconfig -p | grep -q 'libnss3\.so' && ldconfig -p | grep -q 'libnspr4\.so'; then
  exit 0
fi
SUDO=""
if [ "$(id -u)" != "0" ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "install-browser: need root to apt-get install chromium" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update
$SUDO apt-get install -y --no-install-recommends chromium fonts-noto-cjk libnss3 libnspr4
