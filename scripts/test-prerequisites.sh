#!/usr/bin/env bash
# Installs what the tests call besides .NET, when it is missing (as root, as CI runs; otherwise says what to install):
# node (an independent checker of Vigil's signed notes, and the official CSAF validator) with npm, curl and jq (the
# documented API session), chromium and a font with Devanagari (the browser tests drive the system's Chromium through Playwright; Playwright's
# own browser download is never used), the CSAF validator and the local OpenID Connect provider (oidc-provider) at
# the versions their package-lock.json files pin.
set -euo pipefail
cd "$(dirname "$0")/.."

missing=()
command -v node >/dev/null || missing+=(nodejs)
command -v npm >/dev/null || missing+=(npm)
command -v curl >/dev/null || missing+=(curl)
command -v jq >/dev/null || missing+=(jq)
[ -x /usr/bin/chromium ] || missing+=(chromium)
# Devanagari glyphs, so that the Hindi pages' screenshots show letters rather than boxes.
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
# The log's external signers: OpenSSL signs with a key file, SoftHSM with OpenSC's pkcs11-tool stands for a PKCS#11 token.
command -v openssl >/dev/null || missing+=(openssl)
[ -f /usr/lib/softhsm/libsofthsm2.so ] || missing+=(softhsm2)
command -v pkcs11-tool >/dev/null || missing+=(opensc)
# Outgoing mail: a real SMTP server (aiosmtpd, run by Debian's python3) receives it; gpg checks its signatures.
/usr/bin/python3 -c 'import aiosmtpd' 2>/dev/null || missing+=(python3-aiosmtpd)
command -v gpg >/dev/null || missing+=(gnupg)
if [ ${#missing[@]} -gt 0 ]; then
    if [ "$(id -u)" -ne 0 ]; then
        echo "The tests need these Debian packages: ${missing[*]}" >&2
        exit 1
    fi
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
fi

validator=tests/Vigil.Server.Tests/CsafValidator
if [ ! -d "$validator/node_modules/@secvisogram/csaf-validator-lib" ]; then
    (cd "$validator" && npm ci --no-audit --no-fund --loglevel=error)
fi

provider=tests/Vigil.Server.Tests/OidcProvider
if [ ! -d "$provider/node_modules/oidc-provider" ]; then
    (cd "$provider" && npm ci --no-audit --no-fund --loglevel=error)
fi

axe=tests/Vigil.Server.Tests/Axe
if [ ! -f "$axe/node_modules/axe-core/axe.min.js" ]; then
    (cd "$axe" && npm ci --no-audit --no-fund --loglevel=error)
fi
