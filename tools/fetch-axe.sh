#!/usr/bin/env bash
# Installs axe-core's axe.min.js for the browser tests (they inject it into the pages to check accessibility).
# Version, npm package and SHA-256 are pinned in tools/axe-core.properties. Idempotent: does nothing when a verified
# file is already in place.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pinned() {
  sed -n "s/^$1=//p" "$ROOT/tools/axe-core.properties" | grep . \
    || { echo "fetch-axe: no $1 in $ROOT/tools/axe-core.properties" >&2; exit 1; }
}
VERSION="$(pinned version)"
NPM_PACKAGE="$(pinned npm-package)"
SHA256="$(pinned sha256)"
DEST="$ROOT/.cache/axe-core/$VERSION"

verified() { [ -f "$1" ] && echo "$SHA256  $1" | sha256sum --check --quiet --status; }

if verified "$DEST/axe.min.js"; then
  exit 0
fi
command -v npm >/dev/null || { echo "fetch-axe: npm is needed to fetch axe-core $VERSION" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-axe: fetching axe-core $VERSION from the npm registry" >&2
(cd "$work" && npm pack --silent "$NPM_PACKAGE@$VERSION" >/dev/null && tar -xzf ./*.tgz)
if ! verified "$work/package/axe.min.js"; then
  echo "fetch-axe: SHA-256 mismatch for axe.min.js (expected $SHA256); refusing to install it" >&2
  exit 1
fi
mkdir -p "$DEST"
install -m 0644 "$work/package/axe.min.js" "$DEST/axe.min.js.partial"
mv "$DEST/axe.min.js.partial" "$DEST/axe.min.js"
echo "fetch-axe: installed $DEST/axe.min.js" >&2
