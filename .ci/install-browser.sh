#!/usr/bin/env bash
# Installs the headless browser that reports' *IT browser test drives (loopguard-reports, ReportBrowserIT):
# Debian's chromium plus the matching chromium-driver, used by Selenium without any driver download.
# Idempotent and quiet: does nothing when both binaries already exist. Needs root (or sudo) and apt.
set -euo pipefail

if [[ -x /usr/bin/chromium && -x /usr/bin/chromedriver ]]; then
  exit 0
fi

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq >/dev/null
$SUDO apt-get install -y -qq --no-install-recommends chromium chromium-driver >/dev/null

if [[ ! -x /usr/bin/chromium || ! -x /usr/bin/chromedriver ]]; then
  echo "install-browser.sh: chromium or chromedriver still missing after apt-get install" >&2
  exit 1
fi
