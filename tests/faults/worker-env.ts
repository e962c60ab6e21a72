import { inject } from "vitest";

// Before the suite imports lib/db/client.ts: the orchestrator talks to the database directly, never
// through the fault proxy the app processes use.
process.env.DATABASE_URL = inject("faultsDatabaseUrl");
