#!/usr/bin/env bash
# Debian packages the test suite needs (headless browser tests, PostgreSQL, PHP). Installs only what is
# missing; needs root (or sudo) the first time. Usage: scripts/system-deps.sh
set -euo pipefail
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
# The browser tests show Chromium these fonts and no other (test/support/browser.ts), so text measures the same on every machine.
[ -f /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || packages+=(fonts-dejavu-core)
# The data-layer and webhook suites also run against a real PostgreSQL 15 on loopback.
dpkg -s postgresql >/dev/null 2>&1 || packages+=(postgresql)
# The WooCommerce companion plugin is tested with php-cli and Debian's phpunit.
for pkg in php-cli php-xml php-mbstring phpunit; do dpkg -s "$pkg" >/dev/null 2>&1 || packages+=("$pkg"); done
[ ${#packages[@]} -eq 0 ] && exit 0
echo "Installing Debian packages: ${packages[*]}"
if [ "$(id -u)" -eq 0 ]; then sudo=""; elif command -v sudo >/dev/null 2>&1; then sudo="sudo"; else
  echo "Missing Debian packages (${packages[*]}) and no root access: ask an administrator to run 'apt-get install ${packages[*]}'." >&2
  exit 1
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
