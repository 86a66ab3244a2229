#!/usr/bin/env bash
# `npm run quickstart`: install, build, set up the embedded database with demo
# data (only when it is empty), and serve Tend on http://localhost:3000.
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1 PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1
npm ci --no-audit --no-fund
npm run -s build
npm run -s db:deploy
node node_modules/tsx/dist/cli.mjs --conditions=react-server prisma/seed.ts --if-empty
# A demo on one machine: without a mail server, sign-in links and invitations are
# written to this terminal (the server warns about it). Set SMTP_URL to send them.
[ -n "${SMTP_URL:-}" ] || export MAIL_TO_LOG="${MAIL_TO_LOG:-1}"
echo
echo "Tend is starting on http://localhost:${PORT:-3000} — sign in as clinician@example.org with the password tend-demo-password (README: demo accounts)."
exec npm start
