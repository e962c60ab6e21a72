import { sharedLimiter } from "@/lib/db/rate-limit-store";

// The opt-in form writes to a tenant without any sign-in, so it is limited per client address
// (stored in PostgreSQL, or Redis when REDIS_URL is set: shared by every app instance).
export const OPT_INS_PER_HOUR = 10;
const perIp = sharedLimiter("board-opt-in-ip", OPT_INS_PER_HOUR, 60 * 60);

export async function allowOptIn(ip: string): Promise<boolean> {
  return (await perIp.consume(ip)).ok;
}
