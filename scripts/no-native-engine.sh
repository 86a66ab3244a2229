#!/bin/sh
# Stands in for Prisma's native schema engine, which is never downloaded here.
# `prisma generate` only checks that the path exists; migrations go through
# scripts/db.ts (the WASM schema engine and the project's own runner).
echo "Tend does not use Prisma's native schema engine: use npm run db:* (see README)." >&2
exit 1
