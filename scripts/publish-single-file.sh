#!/usr/bin/env bash
# Publishes the client edition of vigil (offline and API commands, no server) as one self-contained executable for
# linux-x64: nothing to install beside it, not even .NET. Usage: scripts/publish-single-file.sh [OUTPUT-DIRECTORY]
# (default artifacts/vigil-linux-x64); the executable is OUTPUT-DIRECTORY/vigil.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-artifacts/vigil-linux-x64}"

# IncludeNativeLibrariesForSelfExtract: libsodium and SQLite go inside the file too (unpacked once, on first use).
# ReadyToRun: compiled ahead of time, so a command starts without waiting for the JIT (docs/benchmarks.md).
dotnet publish src/Vigil.Cli/Vigil.Cli.csproj -c Release -r linux-x64 --self-contained \
    -p:VigilEdition=client -p:PublishSingleFile=true -p:IncludeNativeLibrariesForSelfExtract=true -p:PublishReadyToRun=true \
    -p:DebugType=none -p:PublishReferencesDocumentationFiles=false -o "$out" -nologo -v q

ls -l "$out/vigil"
