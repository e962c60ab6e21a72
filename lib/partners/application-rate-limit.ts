import { sharedLimiter } from "@/lib/db/rate-limit-store";

// The public application form writes to a tenant without any sign-in, so it is limited per client
// address (stored in PostgreSQL, or Redis when REDIS_URL is set: shared by every app instance).
const perIp = sharedLimiter("partner-apply-ip", 10, 60 * 60);

export async function allowApplication(ip: string): Promise<boolean> {
  return (await perIp.consume(ip)).ok;
}
