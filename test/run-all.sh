#!/usr/bin/env bash
# The whole suite: Debian packages, type check, build, then every jest project (unit, integration
# against real Samba AD and OpenLDAP, end-to-end in headless Chromium). Servers start and stop
# inside the run, on loopback.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
bash test/setup/ensure-packages.sh
npm run --silent typecheck
npm run --silent build
npx jest --ci "$@"
