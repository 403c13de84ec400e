#!/bin/sh
# An external signer for the log (Ledger:Signer=command) that keeps its Ed25519 key on a PKCS#11 token: an HSM, a
# smart card, or SoftHSM. Vigil writes the message on standard input; this writes the 64-byte signature on standard
# output. The key never leaves the token. Needs OpenSC's pkcs11-tool (Debian package opensc).
#
# Usage: ledger-sign-pkcs11.sh MODULE TOKEN-LABEL KEY-LABEL
#   MODULE       the token's PKCS#11 library, e.g. /usr/lib/softhsm/libsofthsm2.so
#   TOKEN-LABEL  the token's label; KEY-LABEL the label of the Ed25519 key pair on it
# The user PIN is read from the environment variable VIGIL_PKCS11_PIN (never from the command line, which others
# on the machine can see).
set -eu
[ $# -eq 3 ] || { echo "usage: $0 MODULE TOKEN-LABEL KEY-LABEL" >&2; exit 2; }
[ -n "${VIGIL_PKCS11_PIN:-}" ] || { echo "VIGIL_PKCS11_PIN is not set" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cat > "$work/message"
pkcs11-tool --module "$1" --token-label "$2" --login --pin env:VIGIL_PKCS11_PIN --sign --mechanism EDDSA \
    --label "$3" --input-file "$work/message" --output-file "$work/signature" >/dev/null 2>"$work/error" \
    || { cat "$work/error" >&2; exit 1; }
cat "$work/signature"
