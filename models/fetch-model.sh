#!/usr/bin/env bash
# Downloads the files of one model manifest into models/<name>/, checks each against its sha256 and only then
# moves it into place, so an interrupted or tampered download never leaves a file the engine would load.
#
#   models/fetch-model.sh [--trust-on-first-use] <name>
#
# A manifest file whose sha256 is null is refused unless --trust-on-first-use is given: the file is then kept,
# its computed sha256 is printed (pin it in the manifest) and written to <file>.sha256, which the engine checks
# on every start until the manifest carries the value.
set -euo pipefail

usage() { echo "usage: $0 [--trust-on-first-use] <model-name>" >&2; exit 2; }

trust_on_first_use=false
name=""
for arg in "$@"; do
  case "$arg" in
    --trust-on-first-use) trust_on_first_use=true ;;
    -h|--help) usage ;;
    -*) echo "unknown option: $arg" >&2; usage ;;
    *) [[ -z "$name" ]] || usage; name="$arg" ;;
  esac
done
[[ -n "$name" ]] || usage
command -v jq >/dev/null || { echo "fetch-model.sh needs jq" >&2; exit 1; }
command -v curl >/dev/null || { echo "fetch-model.sh needs curl" >&2; exit 1; }

models_dir="$(cd "$(dirname "$0")" && pwd)"
manifest="$models_dir/$name/manifest.json"
if [[ ! -f "$manifest" ]]; then
  echo "no manifest $manifest; known models:" >&2
  for m in "$models_dir"/*/manifest.json; do echo "  $(basename "$(dirname "$m")")" >&2; done
  exit 1
fi
target_dir="$models_dir/$name"

sha256_of() { sha256sum "$1" | cut -d' ' -f1; }

partial=""
trap '[[ -z "$partial" ]] || rm -f "$partial"' EXIT

fetch_one() {
  local location="$1" url="$2" expected="$3"
  local target="$target_dir/$location"
  local known="$expected"
  if [[ -z "$known" && -f "$target.sha256" ]]; then
    known="$(cut -d' ' -f1 "$target.sha256")"
  fi
  if [[ -f "$target" && -n "$known" && "$(sha256_of "$target")" == "$known" ]]; then
    echo "$name/$location: present and verified"
    return
  fi
  mkdir -p "$(dirname "$target")"
  partial="$(mktemp "$target.XXXXXX.part")"
  echo "$name/$location: downloading $url"
  curl --fail --location --retry 3 --connect-timeout 20 --output "$partial" "$url"
  local actual
  actual="$(sha256_of "$partial")"
  if [[ -z "$expected" ]]; then
    if [[ "$trust_on_first_use" != true ]]; then
      echo "$name/$location: the manifest pins no sha256, refusing to install it (downloaded sha256 $actual)." >&2
      echo "Re-run with --trust-on-first-use to accept this file, then pin the value in $manifest." >&2
      exit 1
    fi
    printf '%s  %s\n' "$actual" "$(basename "$location")" > "$target.sha256.part"
    mv -f "$target.sha256.part" "$target.sha256"
    echo "$name/$location: trusted on first use; pin this in the manifest: \"sha256\": \"$actual\""
  elif [[ "$actual" != "$expected" ]]; then
    echo "$name/$location: sha256 mismatch: expected $expected, got $actual; not installed." >&2
    exit 1
  fi
  mv -f "$partial" "$target"
  echo "$name/$location: installed"
}

# Only files with a url are downloadable; classpath files ship inside the embeddings jar.
if [[ "$(jq '[.files[] | select(.url != null)] | length' "$manifest")" == 0 ]]; then
  echo "$name: nothing to download, its files ship inside the embeddings jar"
fi
while IFS=$'\t' read -r location url expected; do
  fetch_one "$location" "$url" "$expected"
done < <(jq -r '.files[] | select(.url != null) | [.location, .url, (.sha256 // "")] | @tsv' "$manifest")
