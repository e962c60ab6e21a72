// The secret mixed into the visitor hash (visitor.ts). It must be the same on every app instance
// and across restarts, or repeats are not recognised and a visitor looks new after each deploy.
// In production it is required (TRACKING_SALT, else AUTH_SECRET) and startup refuses without it;
// in development a random one keeps `npm run dev` working without setup (`npm start` sets
// AUTH_SECRET for the embedded database itself, scripts/start.ts).
import { randomBytes } from "node:crypto";

export function trackingSecret(env: NodeJS.ProcessEnv = process.env, warn: (m: string) => void = console.warn): string {
  const secret = env.TRACKING_SALT || env.AUTH_SECRET;
  if (secret) return secret;
  if (env.NODE_ENV === "production") {
    throw new Error(
      "Neither TRACKING_SALT nor AUTH_SECRET is set. In production the visitor hash needs a fixed secret shared by every instance: set AUTH_SECRET (openssl rand -base64 32) or TRACKING_SALT.",
    );
  }
  warn("[twoway] neither TRACKING_SALT nor AUTH_SECRET is set; visitor hashes change on every restart (development only).");
  return randomBytes(32).toString("base64url");
}
