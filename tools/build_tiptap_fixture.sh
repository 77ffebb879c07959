#!/bin/sh
# Rebuilds tests/e2e/fixtures/tiptap.bundle.js from npm (TipTap, pinned in package.json).
# The bundle is committed so the test suite needs no Node; run this only to update it.
set -eu
dir="$(cd "$(dirname "$0")/../tests/e2e/fixtures" && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp "$dir/package.json" "$dir/tiptap-entry.js" "$work/"
cd "$work"
npm install --no-audit --no-fund --ignore-scripts=false >/dev/null
./node_modules/.bin/esbuild tiptap-entry.js --bundle --minify --format=iife \
    --legal-comments=eof --outfile="$dir/tiptap.bundle.js"
