#!/usr/bin/env bash
# Installs axe-core's axe.min.js for the browser tests (they inject it into the pages to check accessibility).
# Source: the axe-core npm package (MPL-2.0); version, package and SHA-256 are pinned in tools/axe-core.properties.
# Idempotent: does nothing when a verified file is already in place.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="$(sed -n 's/^version=//p' "$ROOT/tools/axe-core.properties")"
[ -n "$VERSION" ] || { echo "fetch-axe: no version in $ROOT/tools/axe-core.properties" >&2; exit 1; }
exec "$ROOT/tools/fetch-npm-file.sh" "$ROOT/tools/axe-core.properties" axe.min.js \
  "$ROOT/.cache/axe-core/$VERSION/axe.min.js" 0644
