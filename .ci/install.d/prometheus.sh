#!/usr/bin/env bash
# Installs Prometheus and promtool from the Debian/Ubuntu package "prometheus" for the Prometheus integration tests
# (promtool check metrics; a real server scraping the backend). Does nothing when both are already on PATH.
set -euo pipefail

if command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1; then
  echo "prometheus already installed: $(promtool --version 2>&1 | head -n 1)"
  exit 0
fi

if ! command -v apt-get >/dev/null 2>&1; then
  echo "prometheus: apt-get not found; install prometheus and promtool (https://prometheus.io/download/) and put them on PATH" >&2
  exit 1
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  SUDO="sudo"
fi

$SUDO apt-get update
# The tests start their own server on free loopback ports; a packaged service, where systemd starts one, is not used.
$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends prometheus

command -v promtool >/dev/null
command -v prometheus >/dev/null
echo "prometheus installed: $(promtool --version 2>&1 | head -n 1)"
