#!/bin/sh
# Prisma's CLI insists on a schema-engine path even for `generate`, which never runs it.
# The native engine cannot be downloaded here; migrations are applied by scripts/db-migrate.ts.
echo "schema engine unavailable: use npm run db:migrate" >&2
exit 1
