#!/usr/bin/env bash
# Refreshes docs/screenshots/ from the browser walk: runs the walk tests (Vigil in its own process, Chromium) and
# copies each step's screenshot. Needs what ./test.sh installs (scripts/test-prerequisites.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/test-prerequisites.sh
dotnet test tests/Vigil.Server.Tests --filter "FullyQualifiedName~Vigil.Server.Tests.Web.Walk" --nologo
mkdir -p docs/screenshots
cp tests/Vigil.Server.Tests/bin/Debug/net10.0/screenshots/walk/*.png docs/screenshots/
ls docs/screenshots
# The README's "Try the demo" images, from the demo's browser test.
dotnet test tests/Vigil.Server.Tests --filter "FullyQualifiedName~Vigil.Server.Tests.Features.Demo.DemoBrowserTests" --nologo
mkdir -p docs/images
for shot in demo-note demo-deadlines demo-triage; do
  cp "tests/Vigil.Server.Tests/bin/Debug/net10.0/screenshots/$shot.png" docs/images/
done
ls docs/images
