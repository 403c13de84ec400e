#!/usr/bin/env bash
# Usage: bench/apt-install-missing.sh COMMAND PACKAGE: installs PACKAGE with apt-get (through sudo when not root)
# unless COMMAND is already on the PATH; the benchmark scripts call it for the tools they compare against or run.
set -euo pipefail
command -v "$1" >/dev/null && exit 0
sudo_if_needed=(); [ "$(id -u)" -ne 0 ] && sudo_if_needed=(sudo)
"${sudo_if_needed[@]}" apt-get install -y -qq "$2" >/dev/null || { "${sudo_if_needed[@]}" apt-get update -qq && "${sudo_if_needed[@]}" apt-get install -y -qq "$2" >/dev/null; }
