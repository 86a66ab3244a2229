#!/usr/bin/env bash
# The whole test suite (`npm test`): lint, types, the migrations-vs-schema check,
# unit tests with scoring coverage, integration tests on PGlite (and on the
# PostgreSQL server named by TEST_DATABASE_URL, when set), a production build,
# and the end-to-end tests in Chromium. Stops at the first failing tier.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1

[ -d node_modules ] || npm ci
bash scripts/ensure-chromium.sh

bin=node_modules/.bin
mkdir -p test-results
step() { printf '\n=== %s\n' "$*"; }

step "lint"; "$bin/eslint" --max-warnings 0 .
step "typecheck"; "$bin/tsc" --noEmit
step "migrations match the schema"; node node_modules/tsx/dist/cli.mjs scripts/db.ts check
step "unit"
"$bin/vitest" run --project unit --coverage --reporter=default --reporter=json --outputFile.json=test-results/unit.json
if [ -n "${TEST_DATABASE_URL:-}" ]; then step "integration (PGlite and PostgreSQL)"; else step "integration (PGlite; set TEST_DATABASE_URL to add PostgreSQL)"; fi
"$bin/vitest" run --project 'integration-*' --reporter=default --reporter=json --outputFile.json=test-results/integration.json
step "build"; npm run -s build
step "end-to-end (Chromium)"
PLAYWRIGHT_JSON_OUTPUT_NAME=test-results/e2e.json "$bin/playwright" test --reporter=list,json

node scripts/test-summary.mjs test-results/unit.json test-results/integration.json test-results/e2e.json
