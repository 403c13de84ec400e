#!/usr/bin/env bash
# One command for the crash test: see bench/crash/run.sh.
exec "$(dirname "$0")/crash/run.sh" "$@"
