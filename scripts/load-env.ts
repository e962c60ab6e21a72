// Scripts see the same .env files as Next (which never overrides variables already set), so a
// DATABASE_URL written in .env is honoured by `npm start` and the db:* scripts too.
import { existsSync } from "node:fs";

export function loadDotEnv() {
  for (const file of [".env.local", ".env"]) if (existsSync(file)) process.loadEnvFile(file);
}
