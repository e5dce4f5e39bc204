#!/usr/bin/env bash
# Install the npm tools the accessibility and validity tests use into .cache/node-tools
# (pinned versions, nothing global). `make test` runs this; it does nothing once installed.
# Without npm it warns and the tests that need the tools skip, except in CI where they fail.
set -euo pipefail
cd "$(dirname "$0")/../.."
PREFIX=.cache/node-tools
PACKAGES=(axe-core@4.14.1 vnu-jar@26.9.27)
STAMP="$PREFIX/.installed"
if [[ -f "$STAMP" && "$(cat "$STAMP")" == "${PACKAGES[*]}" ]]; then
  exit 0
fi
if ! command -v npm >/dev/null; then
  echo "tests/tools/install.sh: npm is missing (apt-get install npm); axe-core and vnu tests will skip" >&2
  [[ -n "${SCHOLARPAGE_REQUIRE_BROWSER:-}" ]] && exit 1
  exit 0
fi
mkdir -p "$PREFIX"
npm install --no-save --no-audit --no-fund --loglevel=error --prefix "$PREFIX" "${PACKAGES[@]}"
echo "${PACKAGES[*]}" > "$STAMP"
