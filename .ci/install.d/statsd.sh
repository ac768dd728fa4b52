#!/usr/bin/env bash
# Installs the Etsy statsd daemon (npm package statsd 0.9.0) for the StatsD integration tests.
# The tests look for it in $STATSD_HOME/node_modules/statsd (STATSD_HOME defaults to /opt/statsd).
set -euo pipefail

STATSD_HOME="${STATSD_HOME:-/opt/statsd}"
STATSD_VERSION="0.9.0"

if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  echo "statsd: node and npm are required (Node 20 or later)" >&2
  exit 1
fi

installed="$STATSD_HOME/node_modules/statsd/package.json"
if [ -f "$installed" ] && grep -q "\"version\": \"$STATSD_VERSION\"" "$installed"; then
  echo "statsd $STATSD_VERSION already installed in $STATSD_HOME"
  exit 0
fi

mkdir -p "$STATSD_HOME"
npm install --prefix "$STATSD_HOME" --no-audit --no-fund --omit=optional "statsd@$STATSD_VERSION"
test -f "$STATSD_HOME/node_modules/statsd/stats.js"
echo "statsd $STATSD_VERSION installed in $STATSD_HOME"
